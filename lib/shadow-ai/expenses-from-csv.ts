import { createHash } from "node:crypto";
import { fromUnits, toUnits } from "@/lib/format/decimal";
import { normalizeHeader } from "@/lib/imports/event-fields";
import type { ImportColumn } from "@/lib/imports/types";
import { calendarDate, readMappedCsv, recordReader, resolveMappedColumns } from "@/lib/imports/mapped-csv";
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

const AMOUNT = /^-?\d+(?:\.\d+)?$/;

function fieldForExpenseHeader(header: string): ExpenseField | null {
  const normalized = normalizeHeader(header);
  return EXPENSE_FIELDS.find((f) => ALIASES[f].includes(normalized)) ?? null;
}

/** Which column fills which field: an explicit mapping first, then the aliases; a field takes the first column that claims it. */
export function resolveExpenseColumns(headers: readonly string[], mapping: ExpenseColumnMapping = {}): (ExpenseField | null)[] {
  return resolveMappedColumns(headers, mapping, fieldForExpenseHeader);
}

/** Reads an expense CSV: maps headers, checks each row strictly, matches merchants to the AI catalog. Stores nothing. */
export function expensesFromCsv(text: string, mapping: ExpenseColumnMapping = {}): PreparedExpenses {
  const mapped = readMappedCsv(text, mapping, fieldForExpenseHeader, "an expense field");
  if (!mapped) return { columns: [], warnings: ["The file is empty"], rows: [] };
  const { records, fields, columns, warnings } = mapped;
  for (const required of ["date", "merchant", "amount"] as const) {
    if (!fields.includes(required)) warnings.push(`No column maps to ${required}: every row will be rejected`);
  }
  const occurrences = new Map<string, number>();
  const rows = records.map((record, index): PreparedExpenseRow => {
    const { value, label } = recordReader(mapped, record, normalizeHeader);
    const problems: string[] = [];
    const rawDate = value("date");
    const date = rawDate === null ? null : calendarDate(rawDate);
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
