import { issuesAt, parseJsonText, readVendorPages, type ResultPlace } from "./read-vendor-pages";
import { anthropicUsageResultSchema, openAiUsageResultSchema, type Vendor } from "./schemas";
import type { ParsedVendorUsage, RowError, VendorUsageRow } from "./types";

const emptyToNull = (value: string | null | undefined): string | null => (value ? value : null);

/** One usage result as a row, or its errors. */
function readUsageResult(vendor: Vendor, result: unknown, { date, startsAt, rowRef }: ResultPlace): VendorUsageRow | RowError[] {
  const base = { vendor, date, month: date.slice(0, 7), startsAt, rowRef };
  if (vendor === "openai") {
    const parsed = openAiUsageResultSchema.safeParse(result, { reportInput: true });
    if (!parsed.success) return issuesAt(rowRef, parsed.error);
    const r = parsed.data;
    return {
      ...base,
      kind: r.object.replace(/^organization\.usage\./, "").replace(/\.result$/, ""),
      project: emptyToNull(r.project_id),
      apiKeyId: emptyToNull(r.api_key_id),
      model: emptyToNull(r.model),
      inputTokens: r.input_tokens ?? 0,
      outputTokens: r.output_tokens ?? 0,
      requests: r.num_model_requests ?? null,
    };
  }
  const parsed = anthropicUsageResultSchema.safeParse(result, { reportInput: true });
  if (!parsed.success) return issuesAt(rowRef, parsed.error);
  const r = parsed.data;
  const cacheWrites = (r.cache_creation?.ephemeral_1h_input_tokens ?? 0) + (r.cache_creation?.ephemeral_5m_input_tokens ?? 0);
  return {
    ...base,
    kind: "messages",
    project: emptyToNull(r.workspace_id),
    apiKeyId: emptyToNull(r.api_key_id),
    model: emptyToNull(r.model),
    inputTokens: r.uncached_input_tokens + (r.cache_read_input_tokens ?? 0) + cacheWrites,
    outputTokens: r.output_tokens,
    requests: null,
  };
}

/**
 * Reads a vendor's usage export (OpenAI `organization/usage/*`, Anthropic `usage_report/messages`)
 * into rows of tokens by key and project: the evidence for keys and projects Marginal does not know.
 * Rows and errors together, like `parseVendorBill`.
 */
export function parseVendorUsage(json: unknown, options: { vendor?: Vendor } = {}): ParsedVendorUsage {
  return readVendorPages(json, "usage", options.vendor, readUsageResult);
}

/** Like `parseVendorUsage`, from the file's text. */
export function parseVendorUsageText(text: string, options: { vendor?: Vendor } = {}): ParsedVendorUsage {
  const parsed = parseJsonText(text);
  if ("error" in parsed) return { vendor: null, rows: [], errors: [parsed.error] };
  return parseVendorUsage(parsed.json, options);
}
