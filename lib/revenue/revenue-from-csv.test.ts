import { describe, expect, it } from "vitest";
import { resolveRevenueColumns, revenueFromCsv, revenueFromRows } from "./revenue-from-csv";

describe("revenueFromCsv", () => {
  it("maps headers by alias, keeps amounts exact, accepts a first-of-month date", () => {
    const prepared = revenueFromCsv("Month,Product,Customer,Revenue,Notes\n2026-10,chat,acme,1200.50,x\n2026-11-01,search,,0.0000000001,\n");
    expect(prepared.columns.map((c) => c.field)).toEqual(["month", "feature", "customer", "amount_usd", null]);
    expect(prepared.warnings).toEqual(['Column "Notes" is not a revenue field and is ignored']);
    expect(prepared.rows.map((r) => r.revenue)).toEqual([
      { month: "2026-10", feature: "chat", customer: "acme", amountUsd: "1200.5000000000" },
      { month: "2026-11", feature: "search", customer: "", amountUsd: "0.0000000001" },
    ]);
  });

  it("names the column and field of each problem, with its line, and refuses guesses", () => {
    const prepared = revenueFromCsv("period,feature,amount\n2026-10-15,chat,10\n2026-10,,$3\n2026-10,chat,1 200\n2026-10,chat,5\n2026-10,chat,6\n");
    expect(prepared.rows.map((r) => [r.line, r.message])).toEqual([
      [2, "period (month): must be a month like 2026-10"],
      [3, "feature: is required; amount (amount_usd): must be a non-negative decimal with at most 10 digits after the point"],
      [4, "amount (amount_usd): must be a non-negative decimal with at most 10 digits after the point"],
      [5, null],
      [6, "month, feature and customer: 2026-10 / chat appears earlier in the file"],
    ]);
  });

  it("warns when a required column is missing, and lets a mapping override the aliases", () => {
    expect(revenueFromCsv("month,feature\n2026-10,chat\n").warnings).toContain("No column maps to amount_usd: every row will be rejected");
    expect(resolveRevenueColumns(["when", "what", "usd", "amount"], { when: "month", what: "feature", usd: "amount_usd", amount: null })).toEqual(["month", "feature", "amount_usd", null]);
  });

  it("checks JSON rows the same way", () => {
    const prepared = revenueFromRows([{ month: "2026-10", feature: "chat", amount_usd: 5 }, "x", { month: "2026-10", feature: "chat", customer: "", amount_usd: "7" }]);
    expect(prepared.rows.map((r) => r.message)).toEqual([null, "must be an object with month, feature, customer?, amount_usd", "month, feature and customer: 2026-10 / chat appears earlier in the file"]);
  });
});
