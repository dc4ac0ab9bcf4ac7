import { describe, expect, it } from "vitest";
import { fillDailySpend, prepareSpendSeries } from "./prepare-spend-series";

const dates = ["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24"];

describe("fillDailySpend", () => {
  it("leaves days before the first event as gaps and fills days after it with zero", () => {
    const rows = [
      { period: "2026-11-21T00:00:00-05:00", cost_usd: "1.2500000000" },
      { period: "2026-11-23T00:00:00-05:00", cost_usd: "0.0000000010" },
    ];
    expect([...fillDailySpend(rows, dates, "2026-11-21")]).toEqual([
      ["2026-11-20", null],
      ["2026-11-21", "1.2500000000"],
      ["2026-11-22", "0"],
      ["2026-11-23", "0.0000000010"],
      ["2026-11-24", "0"],
    ]);
  });

  it("treats every missing day as zero when the first event is before the range", () => {
    expect([...fillDailySpend([], dates.slice(0, 2), "2026-01-01").values()]).toEqual(["0", "0"]);
  });

  it("is all gaps without any event", () => {
    expect([...fillDailySpend([], dates.slice(0, 2), null).values()]).toEqual([null, null]);
  });
});

describe("prepareSpendSeries", () => {
  const daily = new Map<string, string | null>([
    ["2026-11-28", null],
    ["2026-11-29", "3.5"],
    ["2026-11-30", "0"],
  ]);

  it("draws the forecast run rate from today to the month's end", () => {
    expect(prepareSpendSeries({ daily, today: "2026-11-30", restOfMonthDates: [], runRateUsd: "2.25" })).toEqual([
      { date: "2026-11-28", spend: null, forecast: null },
      { date: "2026-11-29", spend: 3.5, forecast: null },
      { date: "2026-11-30", spend: 0, forecast: 2.25 },
    ]);
    const mid = prepareSpendSeries({ daily, today: "2026-11-29", restOfMonthDates: ["2026-11-30"], runRateUsd: "1" });
    expect(mid.at(-1)).toEqual({ date: "2026-11-30", spend: null, forecast: 1 });
  });

  it("has no forecast line and no future days without a run rate", () => {
    const points = prepareSpendSeries({ daily, today: "2026-11-30", restOfMonthDates: ["2026-12-01"], runRateUsd: null });
    expect(points).toHaveLength(3);
    expect(points.every((p) => p.forecast === null)).toBe(true);
  });
});
