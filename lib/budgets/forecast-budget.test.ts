import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/overview/overview-periods";
import { forecastBudget } from "./forecast-budget";

const today = "2026-10-15";
const series = (entries: [number, string][]) => new Map(entries.map(([back, cost]) => [addDays(today, -back), cost]));
const range = (from: number, to: number, cost: string) => Array.from({ length: to - from + 1 }, (_, i) => [from + i, cost] as [number, string]);

describe("forecastBudget", () => {
  it("projects a flat series: $10 a day, $100 so far, 5 days left is $150", () => {
    const forecast = forecastBudget({ periodToDateUsd: "100", dailyUsd: series(range(1, 28, "10")), firstKnownDate: "2026-01-01", today, daysLeft: 5 });
    expect(forecast).toMatchObject({ forecastUsd: "150.0000000000", runRateUsd: "10.0000000000", basisDays: 28 });
  });

  it("weights the last 7 days twice: $20 lately and $10 before is (7·20·2 + 21·10) / 35 = $14 a day", () => {
    const forecast = forecastBudget({ periodToDateUsd: "0", dailyUsd: series([...range(1, 7, "20"), ...range(8, 28, "10")]), firstKnownDate: "2026-01-01", today, daysLeft: 10 });
    expect(forecast?.runRateUsd).toBe("14.0000000000");
    expect(forecast?.forecastUsd).toBe("140.0000000000");
  });

  it("counts days without spend as zero from the first known date, and days before it as gaps", () => {
    // Known from 3 days ago: $0, $6, $0 (all weight 2) → $2 a day.
    const forecast = forecastBudget({ periodToDateUsd: "6", dailyUsd: series([[2, "6"]]), firstKnownDate: addDays(today, -3), today, daysLeft: 2 });
    expect(forecast).toMatchObject({ runRateUsd: "2.0000000000", forecastUsd: "10.0000000000", basisDays: 3 });
  });

  it("has no forecast without history, and none from today's partial spend", () => {
    expect(forecastBudget({ periodToDateUsd: "5", dailyUsd: series([[0, "5"]]), firstKnownDate: null, today, daysLeft: 3 })).toBeNull();
    expect(forecastBudget({ periodToDateUsd: "5", dailyUsd: series([[0, "5"]]), firstKnownDate: today, today, daysLeft: 3 })).toBeNull();
  });
});
