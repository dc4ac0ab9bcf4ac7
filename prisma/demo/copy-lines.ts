// Demo events as lines of PostgreSQL's COPY text format, for the fast loader and the ingest
// benchmark's raw-COPY baseline: the same columns and the same prices the ingest code stores.
import type { Pricer } from "@/lib/pricing/create-pricer";
import type { DemoEvent } from "./generate-demo-data";

/** The "Event" columns a line fills, in order; `receivedAt` takes its default. */
export const EVENT_COPY_COLUMNS = [
  "orgId", "id", "timestamp", "provider", "model", "operation", "inputTokens", "outputTokens", "cachedInputTokens", "cacheWriteTokens",
  "reasoningTokens", "costUsd", "costSource", "priceKey", "latencyMs", "status", "feature", "team", "customer", "environment",
  "workflow", "runId", "step", "user", "tags",
].map((c) => `"${c}"`).join(", ");

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
// COPY's text format: backslash, tab and line breaks are the only characters that need escaping.
const copyText = (value: string) => (/[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value);
const nullable = (value: string | undefined | null) => (value === undefined || value === null ? "\\N" : copyText(value));

/** One event as a line of COPY text, priced as the ingest code prices it (exact decimal string). */
export function toCopyLine(orgId: string, e: DemoEvent, pricer: Pricer): string {
  const u = e.usage;
  const price = pricer.priceEvent({
    provider: e.provider,
    model: e.model,
    timestamp: new Date(e.timestamp),
    inputTokens: u.input_tokens,
    outputTokens: u.output_tokens,
    cachedInputTokens: u.cached_input_tokens,
    cacheWriteTokens: u.cache_write_tokens,
    reasoningTokens: u.reasoning_tokens,
  });
  return (
    `${copyText(orgId)}\t${copyText(e.id)}\t${e.timestamp}\t${copyText(e.provider)}\t${copyText(e.model)}\t${e.operation}\t` +
    `${u.input_tokens}\t${u.output_tokens}\t${u.cached_input_tokens}\t${u.cache_write_tokens}\t${u.reasoning_tokens}\t` +
    `${price.costUsd}\t${price.source}\t${nullable(price.priceKey)}\t${e.latency_ms}\t${e.status}\t` +
    `${copyText(e.feature)}\t${copyText(e.team)}\t${nullable(e.customer)}\t${copyText(e.environment)}\t${nullable(e.workflow)}\t` +
    `${nullable(e.run_id)}\t${nullable(e.step)}\t${nullable(e.user)}\t${e.tags ? copyText(JSON.stringify(e.tags)) : "\\N"}\n`
  );
}
