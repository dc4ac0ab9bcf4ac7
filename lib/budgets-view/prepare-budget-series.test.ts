import { describe, expect, it } from "vitest";
import { niceCeiling, prepareBudgetChart } from "./prepare-budget-series";

describe("prepareBudgetChart", () => {
  it("draws running spend to today and the forecast from today, meeting at today; thresholds as lines", () => {
    const chart = prepareBudgetChart({
      amount_usd: "100",
      yellow_usd: "80.0000000000",
      red_usd: "100.0000000000",
      points: [
        { date: "2026-11-01", spend_usd: "10.0000000000", cumulative_usd: "10.0000000000", forecast_cumulative_usd: null },
        { date: "2026-11-02", spend_usd: "0.0000000000", cumulative_usd: "10.0000000000", forecast_cumulative_usd: "15.0000000000" },
        { date: "2026-11-03", spend_usd: null, cumulative_usd: null, forecast_cumulative_usd: "120.0000000000" },
      ],
    });
    expect(chart.points).toEqual([
      { date: "2026-11-01", spend: 10, forecast: null },
      { date: "2026-11-02", spend: 10, forecast: 15 },
      { date: "2026-11-03", spend: null, forecast: 120 },
    ]);
    expect(chart).toMatchObject({ amount: 100, yellow: 80, red: 100, hasForecast: true });
    // The forecast's end (120) is the highest point: 126 rounds up to 200.
    expect(chart.yMax).toBe(200);
    expect(chart.yTicks).toEqual([0, 50, 100, 150, 200]);
  });

  it("has no forecast line without history, and keeps the red line in view", () => {
    const chart = prepareBudgetChart({
      amount_usd: "50",
      yellow_usd: "40.0000000000",
      red_usd: "60.0000000000",
      points: [{ date: "2026-11-24", spend_usd: "1.0000000000", cumulative_usd: "1.0000000000", forecast_cumulative_usd: null }],
    });
    expect(chart.hasForecast).toBe(false);
    expect(chart.yMax).toBeGreaterThanOrEqual(60);
  });
});

describe("niceCeiling", () => {
  it("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(0.03)).toBe(0.05);
    expect(niceCeiling(105)).toBe(200);
    expect(niceCeiling(210)).toBe(250);
    expect(niceCeiling(500)).toBe(500);
    expect(niceCeiling(5001)).toBe(10000);
  });
});
