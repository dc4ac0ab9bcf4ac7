import { createHash } from "node:crypto";
import { fromUnits, toUnits } from "@/lib/format/decimal";
import { AppError } from "@/lib/errors/app-error";
import { normalizeHeader } from "@/lib/imports/event-fields";
import { assertImportSize } from "@/lib/imports/events-from-csv";
import { MAX_IMPORT_ROWS } from "@/lib/imports/schemas";
import { parseCsv } from "@/lib/imports/parse-csv";
import type { ImportColumn } from "@/lib/imports/types";
import { matchMerchant, type MerchantMatch } from "./match-merchant";

/** The fields of an expense or card line (SPEC 6), in the order a preview lists them. */
export const EXPENSE_FIELDS = ["date", "employee", "email", "merchant", "description", "amount", "currency", "cost_center"] as const;
export type ExpenseField = (typeof EXPENSE_FIELDS)[number];

// Headers as expense tools and card exports name them (normalized: lower case, no spaces, _ or -).
const ALIASES: Record<ExpenseField, readonly string[]> = {
  date: ["date", "transactiondate", "posteddate", "postingdate", "spenddate", "expensedate"],
  employee: ["employee", "employeename", "name", "cardholder", "cardholdername", "user", "spender", "submitter"],
  email: ["email", "employeeemail", "useremail", "emailaddress"],
  merchant: ["merchant", "merchantname", "vendor", "payee", "statementdescriptor", "descriptor"],
  description: ["description", "memo", "note", "notes", "purpose"],
  amount: ["amount", "amountusd", "total", "value", "cost"],
  currency: ["currency", "currencycode"],
  cost_center: ["costcenter", "department", "costcentre"],
};

/** An expense row ready to store: amount as an exact decimal string, with its catalog match. */
export type ExpenseRow = {
  date: string;
  employee: string | null;
  email: string | null;
  merchant: string;
  description: string | null;
  amountUsd: string;
  currency: "USD";
  costCenter: string | null;
  match: MerchantMatch | null;
  /** The row's content and its occurrence among identical rows: the same file stores once. */
  rowHash: string;
};

/** One data row: its CSV line, and either the expense or what is wrong (naming the column and field). */
export type PreparedExpenseRow = { line: number; index: number; expense: ExpenseRow | null; message: string | null };
export type PreparedExpenses = { columns: ImportColumn[]; warnings: string[]; rows: PreparedExpenseRow[] };

/** An explicit mapping `{ "<CSV header>": "<field>" | null }` overrides the automatic match. */
export type ExpenseColumnMapping = Record<string, ExpenseField | null>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const AMOUNT = /^-?\d+(?:\.\d+)?$/;

function fieldForExpenseHeader(header: string): ExpenseField | null {
  const normalized = normalizeHeader(header);
  return EXPENSE_FIELDS.find((f) => ALIASES[f].includes(normalized)) ?? null;
}

/** Which column fills which field: an explicit mapping first, then the aliases; a field takes the first column that claims it. */
export function resolveExpenseColumns(headers: readonly string[], mapping: ExpenseColumnMapping = {}): (ExpenseField | null)[] {
  const taken = new Set<ExpenseField>();
  const fields: (ExpenseField | null)[] = headers.map(() => null);
  headers.forEach((h, i) => {
    if (!(h in mapping)) return;
    const f = mapping[h];
    if (f && !taken.has(f)) {
      fields[i] = f;
      taken.add(f);
    }
  });
  headers.forEach((h, i) => {
    if (h in mapping) return;
    const f = fieldForExpenseHeader(h);
    if (f && !taken.has(f)) {
      fields[i] = f;
      taken.add(f);
    }
  });
  return fields;
}

function validDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** Reads an expense CSV: maps headers, checks each row strictly, matches merchants to the AI catalog. Stores nothing. */
export function expensesFromCsv(text: string, mapping: ExpenseColumnMapping = {}): PreparedExpenses {
  assertImportSize(text);
  const [header, ...records] = parseCsv(text);
  if (records.length > MAX_IMPORT_ROWS) {
    throw new AppError("PAYLOAD_TOO_LARGE", `At most ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows per import; this one has ${records.length.toLocaleString("en-US")}. Split it into smaller files`);
  }
  if (!header) return { columns: [], warnings: ["The file is empty"], rows: [] };
  const fields = resolveExpenseColumns(header.cells, mapping);
  const columns: ImportColumn[] = header.cells.map((h, i) => ({ header: h, field: fields[i], example: records[0]?.cells[i]?.trim() || null }));
  const warnings = columns.filter((c) => c.field === null).map((c) => `Column "${c.header}" is not an expense field and is ignored`);
  for (const required of ["date", "merchant", "amount"] as const) {
    if (!fields.includes(required)) warnings.push(`No column maps to ${required}: every row will be rejected`);
  }
  const occurrences = new Map<string, number>();
  const rows = records.map((record, index): PreparedExpenseRow => {
    const value = (f: ExpenseField): string | null => {
      const i = fields.indexOf(f);
      const v = i < 0 ? "" : (record.cells[i] ?? "").trim();
      return v === "" ? null : v;
    };
    const label = (f: ExpenseField): string => {
      const h = header.cells[fields.indexOf(f)];
      return h === undefined || normalizeHeader(h) === normalizeHeader(f) ? f : `${h} (${f})`;
    };
    const problems: string[] = [];
    const rawDate = value("date");
    const date = rawDate === null ? null : validDate(rawDate);
    if (rawDate === null) problems.push(`${label("date")}: is required`);
    else if (date === null) problems.push(`${label("date")}: "${rawDate.slice(0, 40)}" is not a date (YYYY-MM-DD)`);
    const merchant = value("merchant");
    if (merchant === null) problems.push(`${label("merchant")}: is required`);
    const rawAmount = value("amount");
    if (rawAmount === null) problems.push(`${label("amount")}: is required`);
    else if (!AMOUNT.test(rawAmount)) problems.push(`${label("amount")}: "${rawAmount.slice(0, 40)}" is not a number (e.g. 20.00)`);
    const currency = (value("currency") ?? "USD").toUpperCase();
    if (currency !== "USD") problems.push(`${label("currency")}: "${currency.slice(0, 10)}" is not USD; amounts are kept in US dollars`);
    const employee = value("employee");
    const email = value("email")?.toLowerCase() ?? null;
    if (employee === null && email === null) problems.push("employee or email: one is required");
    if (problems.length > 0) return { line: record.line, index, expense: null, message: problems.join("; ") };
    const description = value("description");
    const costCenter = value("cost_center");
    const amountUsd = fromUnits(toUnits(rawAmount!));
    const content = JSON.stringify([date, employee, email, merchant, description, amountUsd, costCenter]);
    const occurrence = (occurrences.get(content) ?? 0) + 1;
    occurrences.set(content, occurrence);
    const rowHash = createHash("sha256").update(`${content}#${occurrence}`).digest("hex");
    return {
      line: record.line,
      index,
      message: null,
      expense: { date: date!, employee, email, merchant: merchant!, description, amountUsd, currency: "USD", costCenter, match: matchMerchant(merchant!, description), rowHash },
    };
  });
  return { columns, warnings, rows };
}
