import { describe, expect, it } from "vitest";
import type { BudgetJson } from "@/lib/budgets/schemas";
import { budgetsCsv, percentOfAmount, periodLabel, prepareBudgetMeter, scopeLabel } from "./prepare-budget-meter";

const budget = (over: Partial<BudgetJson> = {}): BudgetJson => ({
  id: "b1",
  name: "Checkout",
  scope: { dimension: "feature", value: "checkout" },
  period: "month",
  amount_usd: "500",
  yellow_pct: 80,
  red_pct: 100,
  workflow_cap_pct: 20,
  channels: [],
  level: "yellow",
  spend_usd: "410.0000000000",
  forecast_usd: "620.0000000000",
  reason: "Spend $410.00 is 82% of the $500.00 budget (yellow at 80%)",
  workflows: [
    { workflow: "agent", spend_usd: "150.0000000000", share_pct: 30, over_cap: true },
    { workflow: "digest", spend_usd: "50.0000000000", share_pct: 10, over_cap: false },
  ],
  period_start: "2026-11-01T00:00:00.000Z",
  period_end: "2026-12-01T00:00:00.000Z",
  evaluated_at: "2026-11-24T04:00:00.000Z",
  created_at: "2026-11-01T00:00:00.000Z",
  updated_at: "2026-11-01T00:00:00.000Z",
  ...over,
});

describe("prepareBudgetMeter", () => {
  it("places spend, forecast and the thresholds on a bar that spans 125% of the red threshold", () => {
    expect(prepareBudgetMeter(budget())).toEqual({ usedPct: 82, forecastPct: 124, fillPct: 65.6, yellowAtPct: 64, redAtPct: 80, forecastAtPct: 99.2, overflow: false });
  });

  it("keeps marks in place for a red threshold above 100% and fills the bar when spend runs past its end", () => {
    const m = prepareBudgetMeter(budget({ red_pct: 120, yellow_pct: 90, spend_usd: "1000", forecast_usd: null }));
    expect(m).toMatchObject({ usedPct: 200, forecastPct: null, forecastAtPct: null, fillPct: 100, redAtPct: 80, yellowAtPct: 60, overflow: true });
  });

  it("draws no spend as an empty bar", () => {
    expect(prepareBudgetMeter(budget({ spend_usd: "0.0000000000", forecast_usd: "0.0000000000" }))).toMatchObject({ usedPct: 0, fillPct: 0, forecastAtPct: 0 });
  });
});

describe("labels", () => {
  it("names the scope and period in words", () => {
    expect(scopeLabel({ dimension: "org" })).toBe("Whole organization");
    expect(scopeLabel({ dimension: "workflow", value: "agent" })).toBe("Workflow: agent");
    expect(periodLabel("quarter")).toBe("Quarterly");
  });
});

describe("budgetsCsv", () => {
  it("exports exact decimals and the over-cap workflows", () => {
    const csv = budgetsCsv([budget()]);
    expect(csv.header[0]).toBe("id");
    const row = Object.fromEntries(csv.header.map((h, i) => [h, csv.rows[0][i]]));
    expect(row).toMatchObject({ spend_usd: "410.0000000000", amount_usd: "500", forecast_usd: "620.0000000000", scope_value: "checkout", over_cap_workflows: "agent", level: "yellow" });
  });
});

describe("percentOfAmount", () => {
  it("is exact on decimal strings", () => {
    expect(percentOfAmount("500", 20)).toBe("100.0000000000");
    expect(percentOfAmount("1250.5", 12.5)).toBe("156.3125000000");
    expect(percentOfAmount("0.1", 0)).toBe("0.0000000000");
  });
});
