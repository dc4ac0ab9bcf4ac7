import { centsToDollarsDecimal, dollarsToDecimal } from "./amounts";
import { issuesAt, parseJsonText, readVendorPages, type ResultPlace } from "./read-vendor-pages";
import { anthropicCostResultSchema, openAiCostResultSchema, type Vendor } from "./schemas";
import type { BilledCostRow, ParsedVendorBill, RowError } from "./types";

export type ParseVendorBillOptions = {
  /** The vendor the caller expects; a file of the other vendor is then an error, not a guess. */
  vendor?: Vendor;
};

const emptyToNull = (value: string | null | undefined): string | null => (value ? value : null);

function notUsd(currency: string): string {
  return `"${currency}" is not USD: billed cost is kept in US dollars; export the bill in USD`;
}

/** One cost result as a billed row, or its errors (each naming the field). */
function readCostResult(vendor: Vendor, result: unknown, { date, rowRef }: ResultPlace): BilledCostRow | RowError[] {
  const base = { vendor, date, month: date.slice(0, 7), currency: "USD" as const, rowRef };
  if (vendor === "openai") {
    const parsed = openAiCostResultSchema.safeParse(result, { reportInput: true });
    if (!parsed.success) return issuesAt(rowRef, parsed.error);
    const { amount, line_item, project_id, api_key_id } = parsed.data;
    if (amount.currency.toUpperCase() !== "USD") return [{ path: `${rowRef}.amount.currency`, message: notUsd(amount.currency) }];
    const amountUsd = dollarsToDecimal(amount.value);
    if (amountUsd === null) return [{ path: `${rowRef}.amount.value`, message: "is not a decimal number" }];
    return { ...base, amountUsd, project: emptyToNull(project_id), apiKeyId: emptyToNull(api_key_id), model: null, lineItem: emptyToNull(line_item) };
  }
  const parsed = anthropicCostResultSchema.safeParse(result, { reportInput: true });
  if (!parsed.success) return issuesAt(rowRef, parsed.error);
  const { amount, currency, workspace_id, description, model } = parsed.data;
  if (currency.toUpperCase() !== "USD") return [{ path: `${rowRef}.currency`, message: notUsd(currency) }];
  const amountUsd = centsToDollarsDecimal(amount);
  if (amountUsd === null) return [{ path: `${rowRef}.amount`, message: "is not a decimal number" }];
  return { ...base, amountUsd, project: emptyToNull(workspace_id), apiKeyId: null, model: emptyToNull(model), lineItem: emptyToNull(description) };
}

/**
 * Reads a vendor's cost export (OpenAI organization costs, or Anthropic cost report: one page or
 * an array of pages) into billed-cost rows, telling the vendor by shape unless `options.vendor`
 * says it. Returns rows and row errors together; a file with any error must be rejected whole.
 */
export function parseVendorBill(json: unknown, options: ParseVendorBillOptions = {}): ParsedVendorBill {
  return readVendorPages(json, "costs", options.vendor, readCostResult);
}

/** Like `parseVendorBill`, from the file's text: text that is not JSON is one error naming where. */
export function parseVendorBillText(text: string, options: ParseVendorBillOptions = {}): ParsedVendorBill {
  const parsed = parseJsonText(text);
  if ("error" in parsed) return { vendor: null, rows: [], errors: [parsed.error] };
  return parseVendorBill(parsed.json, options);
}
