import type { Vendor } from "./schemas";

/** One line of a vendor's bill, in dollars, kept apart from tracked events (SPEC 2.5). */
export type BilledCostRow = {
  vendor: Vendor;
  /** The bucket's start as a UTC date, YYYY-MM-DD. */
  date: string;
  /** YYYY-MM of `date`: the month reconciliation compares per vendor. */
  month: string;
  /** Exact decimal string with 10 places; negative for credits and refunds. */
  amountUsd: string;
  currency: "USD";
  /** OpenAI `project_id` / Anthropic `workspace_id`; null when not grouped (or Anthropic's default workspace). */
  project: string | null;
  /** OpenAI `api_key_id` (costs grouped by key); Anthropic's cost report has none. */
  apiKeyId: string | null;
  /** Anthropic `model`; OpenAI's cost report has none (the model is inside `line_item`). */
  model: string | null;
  /** OpenAI `line_item` / Anthropic `description`. */
  lineItem: string | null;
  /** Where the line is in the file, e.g. `data[3].results[1]` or `[1].data[0].results[2]`. */
  rowRef: string;
};

/** What is wrong and where: `path` names the place in the file and the field. */
export type RowError = { path: string; message: string };

/** What a vendor file holds: the lines read and the ones refused. */
export type ParsedVendorBill = {
  /** null when the file's vendor could not be told (see `errors`). */
  vendor: Vendor | null;
  rows: BilledCostRow[];
  /** Any error means the caller must reject the whole file and store nothing. */
  errors: RowError[];
};

/** One line of a vendor's usage report: tokens by key and project, no money (for unknown keys/projects). */
export type VendorUsageRow = {
  vendor: BilledCostRow["vendor"];
  date: string;
  month: string;
  /** The bucket's start instant (usage reports may be hourly), ISO 8601 UTC. */
  startsAt: string;
  /** OpenAI's result kind (`completions`, `embeddings`, ...); `messages` for Anthropic. */
  kind: string;
  project: string | null;
  apiKeyId: string | null;
  model: string | null;
  /** All input tokens: OpenAI `input_tokens` (cached included); Anthropic uncached + cache read + cache writes. */
  inputTokens: number;
  outputTokens: number;
  /** OpenAI `num_model_requests`; Anthropic reports none. */
  requests: number | null;
  rowRef: string;
};

/** What a vendor usage file holds. */
export type ParsedVendorUsage = { vendor: BilledCostRow["vendor"] | null; rows: VendorUsageRow[]; errors: RowError[] };
