import { toFieldIssues } from "@/lib/errors/zod-issues";
import { normalizeHeader } from "@/lib/imports/event-fields";
import { readMappedCsv, recordReader, resolveMappedColumns } from "@/lib/imports/mapped-csv";
import type { ImportColumn } from "@/lib/imports/types";
import { fromUnits, toUnits } from "@/lib/format/decimal";
import { revenueSchema } from "./schemas";

/** The columns of a revenue file (SPEC 7), in the order a preview lists them. */
export const REVENUE_FIELDS = ["month", "feature", "customer", "amount_usd"] as const;
export type RevenueField = (typeof REVENUE_FIELDS)[number];

// Headers as billing and finance exports name them (normalized: lower case, no spaces, _ or -).
const ALIASES: Record<RevenueField, readonly string[]> = {
  month: ["month", "period", "revenuemonth", "billingmonth", "date"],
  feature: ["feature", "product", "featurename", "productline"],
  customer: ["customer", "customerid", "customername", "account", "client"],
  amount_usd: ["amountusd", "amount", "revenue", "revenueusd", "value"],
};

/** An explicit mapping `{ "<CSV header>": "<field>" | null }` overrides the automatic match. */
export type RevenueColumnMapping = Record<string, RevenueField | null>;

/** A revenue row ready to store: the month as `YYYY-MM`, '' for no customer, the amount as an exact decimal. */
export type RevenueRow = { month: string; feature: string; customer: string; amountUsd: string };

/** One data row: its CSV line, and either the revenue or what is wrong (naming the column and field). */
export type PreparedRevenueRow = { line: number | null; index: number; revenue: RevenueRow | null; message: string | null };
export type PreparedRevenue = { columns: ImportColumn[]; warnings: string[]; rows: PreparedRevenueRow[] };

// A first-of-month date (2026-10-01) is the month as spreadsheets write it; other days are refused, not guessed.
const FIRST_OF_MONTH = /^(\d{4}-\d{2})-01$/;

/** The key of a revenue row: the same month, feature and customer is the same row. */
export const revenueKey = (row: RevenueRow) => JSON.stringify([row.month, row.feature, row.customer]);

const fieldForRevenueHeader = (header: string): RevenueField | null => REVENUE_FIELDS.find((f) => ALIASES[f].includes(normalizeHeader(header))) ?? null;

/** Which column fills which field: an explicit mapping first, then the aliases; a field takes the first column that claims it. */
export function resolveRevenueColumns(headers: readonly string[], mapping: RevenueColumnMapping = {}): (RevenueField | null)[] {
  return resolveMappedColumns(headers, mapping, fieldForRevenueHeader);
}

/** Checks one row with the API's schema; a repeated month, feature and customer in one file is an error, not a silent overwrite. */
function prepareRow(item: Record<string, unknown>, index: number, line: number | null, label: (f: string) => string, seen: Set<string>): PreparedRevenueRow {
  const month = typeof item.month === "string" ? item.month.replace(FIRST_OF_MONTH, "$1") : item.month;
  const parsed = revenueSchema.safeParse({ ...item, month });
  if (!parsed.success) {
    return { line, index, revenue: null, message: toFieldIssues(parsed.error).map((i) => `${label(i.path)}: ${i.message}`).join("; ") };
  }
  const revenue: RevenueRow = { month: parsed.data.month, feature: parsed.data.feature, customer: parsed.data.customer ?? "", amountUsd: fromUnits(toUnits(parsed.data.amount_usd)) };
  const key = revenueKey(revenue);
  if (seen.has(key)) return { line, index, revenue: null, message: `month, feature and customer: ${revenue.month} / ${revenue.feature}${revenue.customer ? ` / ${revenue.customer}` : ""} appears earlier in the file` };
  seen.add(key);
  return { line, index, revenue, message: null };
}

/** Reads a revenue CSV (month, feature, customer, amount_usd): maps headers and checks each row strictly. Stores nothing. */
export function revenueFromCsv(text: string, mapping: RevenueColumnMapping = {}): PreparedRevenue {
  const mapped = readMappedCsv(text, mapping, fieldForRevenueHeader, "a revenue field");
  if (!mapped) return { columns: [], warnings: ["The file is empty"], rows: [] };
  const { records, fields, columns, warnings } = mapped;
  for (const required of ["month", "feature", "amount_usd"] as const) {
    if (!fields.includes(required)) warnings.push(`No column maps to ${required}: every row will be rejected`);
  }
  const seen = new Set<string>();
  const rows = records.map((record, index) => {
    const item: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      const v = (record.cells[i] ?? "").trim();
      if (f && v !== "") item[f] = v;
    });
    const { label } = recordReader(mapped, record, normalizeHeader);
    return prepareRow(item, index, record.line, (f) => label(f as RevenueField), seen);
  });
  return { columns, warnings, rows };
}

/** Reads revenue rows sent as JSON (`{ "revenue": [...] }`), with the same checks as the CSV. */
export function revenueFromRows(items: readonly unknown[]): PreparedRevenue {
  const seen = new Set<string>();
  const rows = items.map((item, index) =>
    item !== null && typeof item === "object" && !Array.isArray(item)
      ? prepareRow(item as Record<string, unknown>, index, null, (f) => f, seen)
      : { line: null, index, revenue: null, message: "must be an object with month, feature, customer?, amount_usd" },
  );
  return { columns: [], warnings: [], rows };
}
