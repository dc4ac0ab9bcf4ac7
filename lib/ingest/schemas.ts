import { z } from "zod";

/** Operations an event may record (SPEC 2.1). */
export const OPERATIONS = ["chat", "completion", "embedding", "image", "audio", "rerank", "tool", "other"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Events may not be dated more than this far ahead of the server's clock. */
export const MAX_FUTURE_MS = 5 * 60 * 1000;
/** Batch limits (SPEC 2.1). */
export const MAX_EVENTS_PER_BATCH = 1000;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

const tokenCount = z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be 0 or more").max(1e12, "is too large");
const attribution = z.string().max(200, "must be at most 200 characters").optional();
export const decimalUsd = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
  .refine((v) => /^\d{1,10}(\.\d{1,10})?$/.test(v) || /^\d+(\.\d+)?e-\d+$/i.test(v), "must be a non-negative decimal with at most 10 digits after the point");

/** One inference call as clients send it (snake_case, SPEC 2.1). */
export const eventSchema = z
  .object({
    id: z.string({ error: "is required" }).min(1, "is required").max(128, "must be at most 128 characters"),
    timestamp: z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time with a zone, e.g. 2026-10-01T12:00:00Z" }),
    provider: z
      .string({ error: "is required" })
      .min(1, "is required")
      .max(64, "must be at most 64 characters")
      .regex(/^[a-z0-9][a-z0-9_.-]*$/, "must be lower-case, e.g. openai, anthropic, self_hosted"),
    model: z.string({ error: "is required" }).min(1, "is required").max(200, "must be at most 200 characters"),
    operation: z.enum(OPERATIONS, { error: `must be one of ${OPERATIONS.join(", ")}` }).default("chat"),
    usage: z
      .object({
        input_tokens: tokenCount.default(0),
        output_tokens: tokenCount.default(0),
        cached_input_tokens: tokenCount.default(0),
        cache_write_tokens: tokenCount.default(0),
        reasoning_tokens: tokenCount.default(0),
      })
      .default({ input_tokens: 0, output_tokens: 0, cached_input_tokens: 0, cache_write_tokens: 0, reasoning_tokens: 0 }),
    cost_usd: decimalUsd.optional(),
    latency_ms: z.number().int("must be a whole number").min(0, "must be 0 or more").max(2_147_483_647, "is too large").optional(),
    status: z.enum(["ok", "error"], { error: "must be ok or error" }).default("ok"),
    feature: attribution,
    team: attribution,
    customer: attribution,
    environment: attribution,
    workflow: attribution,
    run_id: attribution,
    step: attribution,
    user: attribution,
    tags: z
      .record(z.string().max(64, "tag keys must be at most 64 characters"), z.string({ error: "tag values must be strings" }).max(256, "tag values must be at most 256 characters"))
      .refine((t) => Object.keys(t).length <= 32, "must have at most 32 keys")
      .optional(),
  })
  .superRefine((e, issue) => {
    if (e.usage.cached_input_tokens + e.usage.cache_write_tokens > e.usage.input_tokens) {
      issue.addIssue({ code: "custom", path: ["usage", "cached_input_tokens"], message: "cached_input_tokens + cache_write_tokens must not exceed input_tokens (input includes them)" });
    }
    if (e.usage.reasoning_tokens > e.usage.output_tokens) {
      issue.addIssue({ code: "custom", path: ["usage", "reasoning_tokens"], message: "must not exceed output_tokens (output includes them)" });
    }
  });
export type EventInput = z.input<typeof eventSchema>;
export type ParsedEvent = z.output<typeof eventSchema>;

/** An event checked and normalised for storage: what the ingest code writes. */
export type NormalizedEvent = {
  id: string;
  timestamp: Date;
  provider: string;
  model: string;
  operation: Operation;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  /** The cost the client reported, as a decimal string; null when Marginal is to compute it. */
  reportedCostUsd: string | null;
  latencyMs: number | null;
  status: "ok" | "error";
  feature: string | null;
  team: string | null;
  customer: string | null;
  environment: string | null;
  workflow: string | null;
  runId: string | null;
  step: string | null;
  user: string | null;
  tags: Record<string, string> | null;
};

/** A parsed event in the shape the ingest code stores. */
export function normalizeEvent(e: ParsedEvent): NormalizedEvent {
  return {
    id: e.id,
    timestamp: new Date(e.timestamp),
    provider: e.provider,
    model: e.model,
    operation: e.operation,
    inputTokens: e.usage.input_tokens,
    outputTokens: e.usage.output_tokens,
    cachedInputTokens: e.usage.cached_input_tokens,
    cacheWriteTokens: e.usage.cache_write_tokens,
    reasoningTokens: e.usage.reasoning_tokens,
    reportedCostUsd: e.cost_usd ?? null,
    latencyMs: e.latency_ms ?? null,
    status: e.status,
    feature: e.feature || null,
    team: e.team || null,
    customer: e.customer || null,
    environment: e.environment || null,
    workflow: e.workflow || null,
    runId: e.run_id || null,
    step: e.step || null,
    user: e.user || null,
    tags: e.tags && Object.keys(e.tags).length > 0 ? e.tags : null,
  };
}
