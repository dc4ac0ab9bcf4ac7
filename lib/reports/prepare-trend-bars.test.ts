import { describe, expect, it } from "vitest";
import { prepareTrendBars } from "./prepare-trend-bars";

const point = (month: string, spend: string | null, forecast: string | null = null) => ({ month, label: month, spend_usd: spend, forecast_usd: forecast, partial: forecast !== null });

describe("prepareTrendBars", () => {
  it("scales spend and forecast to the tallest value and keeps gaps as gaps", () => {
    const { bars, maxUsd } = prepareTrendBars([point("2026-09", null), point("2026-10", "50"), point("2026-11", "20", "200")]);
    expect(maxUsd).toBe(200);
    expect(bars.map((b) => [b.spend, b.forecast])).toEqual([
      [null, null],
      [0.25, null],
      [0.1, 1],
    ]);
  });

  it("draws zero-height bars when nothing was spent", () => {
    expect(prepareTrendBars([point("2026-10", "0")]).bars[0].spend).toBe(0);
  });
});
