import { z } from "zod";

/**
 * Vendor cost exports, read as they come out of the vendors' Admin APIs (see README for sources).
 * The envelope (page → buckets → results) is checked bucket by bucket and each result on its own,
 * so one bad line is one row error naming its place, not a rejection of the whole file with no
 * location. Unknown fields are tolerated (vendors add fields, e.g. OpenAI's `api_key_id`,
 * Anthropic's `inference_geo`): Zod objects strip them.
 */

export const VENDORS = ["openai", "anthropic"] as const;
export const vendorSchema = z.enum(VENDORS);
export type Vendor = z.infer<typeof vendorSchema>;

/** A plain decimal: digits with an optional fraction and sign. No exponent, separators or symbols. */
export const DECIMAL_TEXT = /^-?\d+(?:\.\d+)?$/;

const nullableText = z.string({ error: "must be a string or null" }).nullish();
const DOLLARS = "must be a number of dollars, e.g. 0.06";

// ---------- OpenAI: GET /v1/organization/costs ----------

/**
 * `amount.value` is documented as a JSON number of dollars (`float64` in the Go SDK); some tools
 * re-serialise it as a string, which is accepted when it is a plain decimal.
 */
export const openAiCostResultSchema = z.object({
  object: z.literal("organization.costs.result", { error: 'must be "organization.costs.result"' }).optional(),
  amount: z.object(
    {
      value: z.union([z.number().finite(), z.string().regex(DECIMAL_TEXT, DOLLARS)], { error: DOLLARS }),
      currency: z.string({ error: 'must be a currency code, e.g. "usd"' }).min(1, 'must be a currency code, e.g. "usd"'),
    },
    { error: "is missing (an object { value, currency })" },
  ),
  line_item: nullableText,
  project_id: nullableText,
  api_key_id: nullableText,
});
export type OpenAiCostResult = z.infer<typeof openAiCostResultSchema>;

/** A daily bucket: Unix seconds, `results` (the API's name) or `result` (the SDK types' name). */
export const openAiBucketSchema = z.object({
  object: z.literal("bucket", { error: 'must be "bucket"' }).optional(),
  start_time: z.number({ error: "must be Unix seconds, e.g. 1790812800" }).int("must be whole Unix seconds").nonnegative(),
  end_time: z.number({ error: "must be Unix seconds" }).int("must be whole Unix seconds").nonnegative().optional(),
  results: z.array(z.unknown(), { error: "must be an array of results" }).optional(),
  result: z.array(z.unknown(), { error: "must be an array of results" }).optional(),
});

// ---------- Anthropic: GET /v1/organizations/cost_report ----------

/**
 * `amount` is a decimal string in the currency's lowest unit: "123.45" in "USD" is $1.2345.
 * A JSON number is refused rather than guessed: it usually means a tool already converted it,
 * perhaps to dollars, and a silent 100x error is worse than a row error.
 */
export const anthropicCostResultSchema = z.object({
  amount: z
    .string({ error: 'must be a decimal string of cents, e.g. "123.45" (= $1.2345)' })
    .regex(DECIMAL_TEXT, 'must be a decimal string of cents, e.g. "123.45" (= $1.2345)'),
  currency: z.string({ error: 'must be a currency code, e.g. "USD"' }).min(1, 'must be a currency code, e.g. "USD"'),
  workspace_id: nullableText,
  description: nullableText,
  cost_type: nullableText,
  context_window: nullableText,
  model: nullableText,
  service_tier: nullableText,
  token_type: nullableText,
});
export type AnthropicCostResult = z.infer<typeof anthropicCostResultSchema>;

/** A daily bucket: RFC 3339 bounds, start inclusive, end exclusive. */
export const anthropicBucketSchema = z.object({
  starting_at: z.iso.datetime({ offset: true, error: "must be an RFC 3339 date-time, e.g. 2026-10-01T00:00:00Z" }),
  ending_at: z.iso.datetime({ offset: true, error: "must be an RFC 3339 date-time" }).optional(),
  results: z.array(z.unknown(), { error: "must be an array of results" }),
});

// ---------- Both ----------

/** One page of either API: `data` holds the buckets; `has_more` / `next_page` are ignored. */
export const costPageSchema = z.object(
  {
    object: z.string().optional(),
    data: z.array(z.unknown(), { error: "must be an array of buckets" }),
  },
  { error: "must be a page { data: [buckets] }" },
);


// ---------- Usage reports (token counts, no money): who used which key in which project ----------

const tokenCount = z.number({ error: "must be a whole number of tokens" }).int("must be a whole number").nonnegative("must not be negative");

/** Any OpenAI `organization.usage.*.result` (completions, embeddings, images, ...). */
export const openAiUsageResultSchema = z.object({
  object: z.string({ error: 'must be "organization.usage.<kind>.result"' }).startsWith("organization.usage.", 'must be "organization.usage.<kind>.result"'),
  project_id: nullableText,
  api_key_id: nullableText,
  user_id: nullableText,
  model: nullableText,
  input_tokens: tokenCount.optional(),
  input_cached_tokens: tokenCount.nullish(),
  output_tokens: tokenCount.optional(),
  num_model_requests: z.number({ error: "must be a whole number of requests" }).int("must be a whole number").nonnegative().optional(),
});

/** Anthropic `usage_report/messages` result. */
export const anthropicUsageResultSchema = z.object({
  api_key_id: nullableText,
  workspace_id: nullableText,
  model: nullableText,
  service_tier: nullableText,
  context_window: nullableText,
  uncached_input_tokens: tokenCount,
  cache_read_input_tokens: tokenCount.optional(),
  cache_creation: z
    .object(
      { ephemeral_1h_input_tokens: tokenCount.optional(), ephemeral_5m_input_tokens: tokenCount.optional() },
      { error: "must be an object { ephemeral_1h_input_tokens, ephemeral_5m_input_tokens }" },
    )
    .nullish(),
  output_tokens: tokenCount,
});
