import { describe, expect, it } from "vitest";
import { forecastMonthEnd } from "./forecast-month-end";
import { addDays } from "./overview-periods";

const today = "2026-11-24";
const days = (entries: [number, string | null][]) => new Map(entries.map(([back, cost]) => [addDays(today, -back), cost]));

describe("forecastMonthEnd", () => {
  it("weights the last 7 complete days twice and the 21 before once", () => {
    // 7 days at $10 (weight 2) and 21 days at $4 (weight 1): (140 + 84) / 35 = 6.4 a day.
    const daily = days([...Array.from({ length: 7 }, (_, i) => [i + 1, "10"] as [number, string]), ...Array.from({ length: 21 }, (_, i) => [i + 8, "4"] as [number, string])]);
    const forecast = forecastMonthEnd({ monthToDateUsd: "100", daily, today, daysLeft: 7 });
    expect(forecast).toEqual({ runRateUsd: "6.4000000000", forecastUsd: "144.8000000000", basisDays: 28 });
  });

  it("leaves gaps out of the average and counts real zeros", () => {
    // Known: yesterday $9, 2 days ago $0, 3 days ago $6 (all weight 2): 30 / 6 = 5 a day.
    const daily = days([[1, "9"], [2, "0"], [3, "6"], [4, null], [20, null]]);
    const forecast = forecastMonthEnd({ monthToDateUsd: "15", daily, today, daysLeft: 6.5 });
    expect(forecast).toEqual({ runRateUsd: "5.0000000000", forecastUsd: "47.5000000000", basisDays: 3 });
  });

  it("mixes weights: $7 yesterday (×2) and $1 14 days ago (×1) is 15 / 3 = 5", () => {
    const forecast = forecastMonthEnd({ monthToDateUsd: "0.5", daily: days([[1, "7"], [14, "1"]]), today, daysLeft: 2 });
    expect(forecast?.runRateUsd).toBe("5.0000000000");
    expect(forecast?.forecastUsd).toBe("10.5000000000");
  });

  it("ignores today (partial, already in month-to-date) and days older than 28", () => {
    const daily = days([[0, "1000"], [29, "1000"], [1, "2"]]);
    expect(forecastMonthEnd({ monthToDateUsd: "1002", daily, today, daysLeft: 1 })?.forecastUsd).toBe("1004.0000000000");
  });

  it("keeps exact decimals for sub-cent rates", () => {
    const forecast = forecastMonthEnd({ monthToDateUsd: "0.0000000001", daily: days([[1, "0.0000000003"]]), today, daysLeft: 2 });
    expect(forecast?.forecastUsd).toBe("0.0000000007");
  });

  it("is null without any complete day of history", () => {
    expect(forecastMonthEnd({ monthToDateUsd: "12", daily: days([[0, "12"], [1, null]]), today, daysLeft: 5 })).toBeNull();
    expect(forecastMonthEnd({ monthToDateUsd: "0", daily: new Map(), today, daysLeft: 5 })).toBeNull();
  });
});
