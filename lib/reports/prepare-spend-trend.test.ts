import { describe, expect, it } from "vitest";
import { addMonths, forecastPeriodTotal, monthsEndingAt, prepareSpendTrend, shortMonthLabel } from "./prepare-spend-trend";

describe("month arithmetic", () => {
  it("crosses year ends both ways", () => {
    expect(addMonths("2026-10", 3)).toBe("2027-01");
    expect(addMonths("2026-02", -5)).toBe("2025-09");
    expect(monthsEndingAt("2026-02", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
    expect(shortMonthLabel("2026-10")).toBe("Oct 2026");
  });
});

describe("prepareSpendTrend", () => {
  const months = monthsEndingAt("2026-12", 6);
  const spendByMonth = new Map([
    ["2026-09", "100.0000000000"],
    ["2026-11", "40.0000000000"],
  ]);
  const points = prepareSpendTrend({ months, spendByMonth, firstDataMonth: "2026-09", currentMonth: "2026-11", currentMonthForecastUsd: "75.0000000000", runRateUsd: "2.5" });

  it("leaves months before the first usage and months to come as gaps, and fills quiet months with $0", () => {
    expect(points.map((p) => [p.month, p.spend_usd, p.partial])).toEqual([
      ["2026-07", null, false],
      ["2026-08", null, false],
      ["2026-09", "100.0000000000", false],
      ["2026-10", "0.0000000000", false],
      ["2026-11", "40.0000000000", true],
      ["2026-12", null, false],
    ]);
  });

  it("forecasts the running month to its end and a future month at the run rate for all its days", () => {
    expect(points.map((p) => p.forecast_usd)).toEqual([null, null, null, null, "75.0000000000", "77.5000000000"]);
  });

  it("totals a running quarter from closed months, the running month's forecast and the months to come", () => {
    expect(forecastPeriodTotal(points, ["2026-10", "2026-11", "2026-12"], "2026-11")).toBe("152.5000000000");
    expect(forecastPeriodTotal(points, ["2026-11"], "2026-11")).toBe("75.0000000000");
    // A closed period has no forecast.
    expect(forecastPeriodTotal(points, ["2026-09"], "2026-11")).toBeNull();
  });

  it("forecasts nothing without a run rate", () => {
    const none = prepareSpendTrend({ months, spendByMonth, firstDataMonth: null, currentMonth: "2026-11", currentMonthForecastUsd: null, runRateUsd: null });
    expect(none.every((p) => p.spend_usd === null && p.forecast_usd === null)).toBe(true);
    expect(forecastPeriodTotal(none, ["2026-11"], "2026-11")).toBeNull();
  });
});
