import { describe, expect, it } from "vitest";
import { expensesFromCsv, resolveExpenseColumns } from "./expenses-from-csv";

describe("expensesFromCsv", () => {
  it("maps common headers, matches merchants and keeps amounts exact", () => {
    const text = ['Posted Date,Cardholder Name,Employee Email,Merchant Name,Memo,Amount USD,Currency Code,Department', '2026-10-03,Ann,ANN@X.TEST,"SQ *ANTHROPIC",Claude,"1234.5",usd,R&D', "2026-10-04,Bob,,CLAUDES BAKERY,,3.10,,"].join("\r\n");
    const { columns, warnings, rows } = expensesFromCsv(text);
    expect(columns.map((c) => c.field)).toEqual(["date", "employee", "email", "merchant", "description", "amount", "currency", "cost_center"]);
    expect(warnings).toEqual([]);
    expect(rows[0].expense).toMatchObject({ date: "2026-10-03", email: "ann@x.test", amountUsd: "1234.5000000000", currency: "USD", costCenter: "R&D", match: { vendorId: "anthropic-api" } });
    expect(rows[1]).toMatchObject({ line: 3, message: null, expense: { employee: "Bob", email: null, match: null } });
  });

  it("names the line, column and field of each problem", () => {
    const text = ["Date,Name,Merchant,Amount,Currency", "10/03/2026,Ann,OPENAI,$20,USD", "2026-02-30,Ann,,20,EUR"].join("\n");
    const { rows } = expensesFromCsv(text);
    expect(rows[0].message).toBe('date: "10/03/2026" is not a date (YYYY-MM-DD); amount: "$20" is not a number (e.g. 20.00)');
    expect(rows[1].message).toBe('date: "2026-02-30" is not a date (YYYY-MM-DD); merchant: is required; currency: "EUR" is not USD; amounts are kept in US dollars');
  });

  it("warns about unknown columns and missing required fields", () => {
    expect(expensesFromCsv("date,foo\n2026-10-01,x").warnings).toEqual(['Column "foo" is not an expense field and is ignored', "No column maps to merchant: every row will be rejected", "No column maps to amount: every row will be rejected"]);
  });

  it("gives identical rows of one file different hashes, and the same file the same hashes", () => {
    const text = "date,email,merchant,amount\n2026-10-01,a@x.test,MIDJOURNEY,10\n2026-10-01,a@x.test,MIDJOURNEY,10\n";
    const [first, second] = expensesFromCsv(text).rows.map((r) => r.expense!.rowHash);
    expect(first).not.toBe(second);
    expect(expensesFromCsv(text).rows.map((r) => r.expense!.rowHash)).toEqual([first, second]);
  });

  it("lets an explicit mapping claim a column first, or ignore one", () => {
    expect(resolveExpenseColumns(["vendor", "merchant", "amount"], { merchant: "merchant", vendor: null })).toEqual([null, "merchant", "amount"]);
  });
});
