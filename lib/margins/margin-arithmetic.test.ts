import { describe, expect, it } from "vitest";
import { assembleMargins } from "./assemble-margins";
import { marginFlags, marginMeasures, percentOf, perCount } from "./margin-arithmetic";
import { parseMarginPeriod } from "./margin-period";

const units = (text: string) => BigInt(text);

describe("margin arithmetic", () => {
  it("computes gross margin and both percentages exactly", () => {
    expect(marginMeasures("1000", "230")).toEqual({
      revenue_usd: "1000.0000000000",
      inference_cost_usd: "230.0000000000",
      gross_margin_usd: "770.0000000000",
      gross_margin_pct: "77.00",
      inference_share_of_revenue_pct: "23.00",
    });
    // 0.1 + 0.2 style sums stay exact; a cost above revenue gives a negative margin.
    expect(marginMeasures("0.3", "0.4000000001")).toMatchObject({ gross_margin_usd: "-0.1000000001", gross_margin_pct: "-33.33", inference_share_of_revenue_pct: "133.33" });
    expect(marginMeasures("0", "12.5")).toEqual({
      revenue_usd: "0.0000000000",
      inference_cost_usd: "12.5000000000",
      gross_margin_usd: "-12.5000000000",
      gross_margin_pct: null,
      inference_share_of_revenue_pct: null,
    });
  });

  it("rounds percentages half away from zero at two places", () => {
    expect(percentOf(units("1"), units("3"))).toBe("33.33");
    expect(percentOf(units("2"), units("3"))).toBe("66.67");
    expect(percentOf(units("1"), units("8"))).toBe("12.50");
    expect(percentOf(units("1"), units("80000"))).toBe("0.00");
    expect(percentOf(units("1"), units("40000"))).toBe("0.00");
    expect(percentOf(units("1"), units("20000"))).toBe("0.01");
    expect(percentOf(units("-1"), units("20000"))).toBe("-0.01");
    expect(percentOf(units("5"), units("0"))).toBeNull();
  });

  it("divides per decision, rounding half up at ten places", () => {
    expect(perCount("10", 3)).toBe("3.3333333333");
    expect(perCount("20", 3)).toBe("6.6666666667");
    expect(perCount("0.0000000001", 2)).toBe("0.0000000001");
    expect(perCount("5", 0)).toBeNull();
  });
});

describe("the 10%-of-gross-margin flag", () => {
  const flagged = (revenue: string, cost: string) => marginFlags(revenue, cost).includes("inference_above_10pct_of_gross_margin");

  it("is not raised at exactly 10% of the gross margin, and is raised just above", () => {
    // revenue 110, cost 10: gross margin 100, cost is exactly 10% of it.
    expect(flagged("110", "10")).toBe(false);
    expect(flagged("110", "10.0000000001")).toBe(true);
    expect(flagged("110", "9.9999999999")).toBe(false);
    expect(flagged("110.0000000001", "10")).toBe(false);
    expect(flagged("109.9999999999", "10")).toBe(true);
  });

  it("is raised at any cost when the margin is zero or negative, never without cost", () => {
    expect(flagged("10", "10")).toBe(true);
    expect(flagged("10", "11")).toBe(true);
    expect(flagged("10", "0")).toBe(false);
  });

  it("flags the 23% benchmark strictly above it, and no revenue on its own", () => {
    expect(marginFlags("100", "23")).toEqual(["inference_above_10pct_of_gross_margin"]);
    expect(marginFlags("100", "23.0000000001")).toEqual(["inference_share_above_benchmark", "inference_above_10pct_of_gross_margin"]);
    expect(marginFlags("100", "5")).toEqual([]);
    expect(marginFlags("0", "5")).toEqual(["no_revenue"]);
  });
});

describe("assembleMargins", () => {
  it("sums customers and months into features, adds features without cost or revenue, and the previous period", () => {
    const period = parseMarginPeriod("2026-Q4", "UTC");
    const report = assembleMargins({
      period,
      previousMonths: ["2026-07", "2026-08", "2026-09"],
      from: "2026-10-01T00:00:00Z",
      to: "2027-01-01T00:00:00Z",
      revenue: [
        { month: "2026-10", feature: "chat", amountUsd: "600.0000000000" },
        { month: "2026-11", feature: "chat", amountUsd: "400.0000000000" },
        { month: "2026-11", feature: "billing", amountUsd: "50.0000000000" },
        { month: "2026-09", feature: "chat", amountUsd: "800.0000000000" },
      ],
      costs: [
        { month: "2026-10", feature: "chat", amountUsd: "30.1234567890" },
        { month: "2026-12", feature: "chat", amountUsd: "20.0000000001" },
        { month: "2026-10", feature: "(untagged)", amountUsd: "7.0000000000" },
        { month: "2026-08", feature: "chat", amountUsd: "10.0000000000" },
      ],
      runs: [
        { feature: "chat", runs: 4, successes: 3, costUsd: "40.0000000000" },
        { feature: "(untagged)", runs: 1, successes: 0, costUsd: "7.0000000000" },
      ],
    });
    expect(report.features.map((f) => f.feature)).toEqual(["chat", "billing", "(untagged)"]);
    expect(report.features[0]).toEqual({
      feature: "chat",
      revenue_usd: "1000.0000000000",
      inference_cost_usd: "50.1234567891",
      gross_margin_usd: "949.8765432109",
      gross_margin_pct: "94.99",
      inference_share_of_revenue_pct: "5.01",
      cost_per_decision_usd: "10.0000000000",
      cost_per_successful_outcome_usd: "13.3333333333",
      decisions: 4,
      successful_outcomes: 3,
      flags: [],
      previous: { revenue_usd: "800.0000000000", inference_cost_usd: "10.0000000000", gross_margin_usd: "790.0000000000", gross_margin_pct: "98.75", inference_share_of_revenue_pct: "1.25" },
    });
    expect(report.features[1]).toMatchObject({ feature: "billing", inference_cost_usd: "0.0000000000", flags: [], previous: null, decisions: 0, cost_per_decision_usd: null });
    expect(report.features[2]).toMatchObject({ feature: "(untagged)", revenue_usd: "0.0000000000", flags: ["no_revenue"], cost_per_successful_outcome_usd: null });
    expect(report.total).toMatchObject({
      revenue_usd: "1050.0000000000",
      inference_cost_usd: "57.1234567891",
      gross_margin_usd: "992.8765432109",
      gross_margin_pct: "94.56",
      inference_share_of_revenue_pct: "5.44",
      decisions: 5,
      successful_outcomes: 3,
      cost_per_decision_usd: "9.4000000000",
      previous: { revenue_usd: "800.0000000000", inference_cost_usd: "10.0000000000" },
    });
  });
});
