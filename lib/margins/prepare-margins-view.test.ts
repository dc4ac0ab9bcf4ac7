import { describe, expect, it } from "vitest";
import { assembleMargins } from "./assemble-margins";
import { parseMarginPeriod } from "./margin-period";
import { describeFlag, pointsTrend, prepareMarginsView } from "./prepare-margins-view";

describe("prepareMarginsView", () => {
  it("adds the margin trend in points, the revenue trend in percent, flag words and the chart bars", () => {
    const report = assembleMargins({
      period: parseMarginPeriod("2026-10", "UTC"),
      previousMonths: ["2026-09"],
      from: "2026-10-01T00:00:00Z",
      to: "2026-11-01T00:00:00Z",
      revenue: [
        { month: "2026-10", feature: "chat", amountUsd: "1100" },
        { month: "2026-09", feature: "chat", amountUsd: "1000" },
      ],
      costs: [
        { month: "2026-10", feature: "chat", amountUsd: "300" },
        { month: "2026-09", feature: "chat", amountUsd: "250" },
        { month: "2026-10", feature: "ops", amountUsd: "12.5" },
      ],
      runs: [],
    });
    const view = prepareMarginsView(report);
    // 72.73% now, 75.00% before; revenue +10%.
    expect(view.rows[0]).toMatchObject({ feature: "chat", marginTrend: { points: "-2.27", direction: "down" }, revenueTrend: { points: "+10.00", direction: "up" } });
    expect(view.rows[0].flagViews.map((f) => f.flag)).toEqual(["inference_share_above_benchmark", "inference_above_10pct_of_gross_margin"]);
    expect(view.rows[1]).toMatchObject({ feature: "ops", marginTrend: { points: null, direction: "new" }, flagViews: [{ flag: "no_revenue", tone: "neutral" }] });
    expect(view.chart).toEqual([
      { feature: "chat", revenue: 1100, cost: 300 },
      { feature: "ops", revenue: 0, cost: 12.5 },
    ]);
    expect(view).toMatchObject({ hasRevenue: true, flagged: 1, hiddenFromChart: 0 });
  });

  it("words every flag and measures flat and new trends", () => {
    expect(describeFlag("inference_above_10pct_of_gross_margin").explanation).toContain("fix pricing or the model");
    expect(pointsTrend("50.00", "50.00")).toEqual({ points: "0.00", direction: "flat" });
    expect(pointsTrend("50.00", null)).toEqual({ points: null, direction: "new" });
    expect(pointsTrend("51.25", "50.00")).toEqual({ points: "+1.25", direction: "up" });
  });
});
