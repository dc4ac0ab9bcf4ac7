import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/overview/overview-periods";
import { findAnomalies, findSpikeCandidates, type DailySeries } from "./find-anomalies";
import type { ModelDay, RunStats } from "./likely-cause";

const START = "2026-09-01";
const DAYS = 60;
const dates = Array.from({ length: DAYS }, (_, i) => addDays(START, i));
const judged = dates.slice(-14);

// Seeded, so every run sees the same noise.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const usd = (n: number) => n.toFixed(10);

/** A day of `calls` calls of 2,000 tokens at $0.01 each on model a. */
const day = (calls: number, perCallUsd = 0.01, tokensPerCall = 2000, model = "p/a"): ModelDay[] => [{ model, calls, tokens: calls * tokensPerCall, costUsd: usd(calls * perCallUsd) }];

/** Daily calls with weekday/weekend seasonality and ±noise (coefficient of variation about `noise`). */
function noisySeries(value: string, seed: number, base = 1000, noise = 0.25, overrides: Record<string, ModelDay[]> = {}): DailySeries {
  const r = rng(seed);
  const days = new Map<string, ModelDay[]>();
  dates.forEach((d, i) => {
    const weekend = i % 7 >= 5 ? 0.4 : 1;
    const jitter = Math.exp((r() + r() + r() - 1.5) * noise * 2);
    days.set(d, overrides[d] ?? day(Math.round(base * weekend * jitter)));
  });
  return { dimension: "feature", value, days };
}

describe("findAnomalies", () => {
  it("finds a planted spike on its day, sized against the baseline median", () => {
    const spikeDate = judged[9];
    const s = noisySeries("chat", 7, 1000, 0.25, { [spikeDate]: day(5000) });
    const anomalies = findAnomalies([s], judged);
    expect(anomalies).toHaveLength(1);
    const a = anomalies[0];
    expect(a).toMatchObject({ dimension: "feature", value: "chat", date: spikeDate, costUsd: "50.0000000000" });
    expect(a.baseline.days).toBe(28);
    expect(Number(a.excessUsd)).toBeCloseTo(50 - Number(a.baselineMedianUsd), 10);
    expect(a.zScore).toBeGreaterThan(5);
    expect(a.cause.kind).toBe("volume");
  });

  it("raises no false alarm on 300 noisy series without a spike", () => {
    const series = Array.from({ length: 300 }, (_, i) => noisySeries(`f${i}`, 1000 + i, 200 + i * 10, 0.3));
    expect(findAnomalies(series, judged)).toEqual([]);
  });

  it("raises no alarm on flat series, nor on a steady 20 % rise", () => {
    const flat: DailySeries = { dimension: "workflow", value: "flat", days: new Map(dates.map((d) => [d, day(1000)])) };
    const rising: DailySeries = { dimension: "workflow", value: "rising", days: new Map(dates.map((d, i) => [d, day(Math.round(1000 * (1 + (0.2 * i) / DAYS)))])) };
    expect(findAnomalies([flat, rising], judged)).toEqual([]);
  });

  it("names the cause of each planted spike", () => {
    const spikeDate = judged[5];
    const runs = new Map<string, RunStats>(dates.map((d) => [d, { runs: 100, steps: 1000, errors: 10 }]));
    runs.set(spikeDate, { runs: 100, steps: 4000, errors: 900 });
    const series: DailySeries[] = [
      noisySeries("more-calls", 1, 1000, 0.1, { [spikeDate]: day(4000) }),
      noisySeries("bigger-context", 2, 1000, 0.1, { [spikeDate]: day(1000, 0.04, 8000) }),
      noisySeries("dearer-model", 3, 1000, 0.1, { [spikeDate]: [...day(200), ...day(800, 0.05, 2000, "p/dear")] }),
      noisySeries("price-rise", 4, 1000, 0.1, { [spikeDate]: day(1000, 0.04) }),
      { ...noisySeries("loops", 5, 1000, 0.1, { [spikeDate]: day(4000) }), dimension: "workflow" },
    ];
    const anomalies = findAnomalies(series, judged, (dimension, value) => (dimension === "workflow" && value === "loops" ? runs : null));
    const causeOf = (value: string) => anomalies.find((a) => a.value === value)?.cause.kind;
    expect(anomalies).toHaveLength(5);
    expect(causeOf("more-calls")).toBe("volume");
    expect(causeOf("bigger-context")).toBe("tokens_per_call");
    expect(causeOf("price-rise")).toBe("unit_price");
    expect(causeOf("loops")).toBe("retries_errors");
    // 80 % of calls moved to a model five times dearer per call (it also brings the same tokens).
    expect(causeOf("dearer-model")).toBe("model_mix");
  });

  it("gives no verdict with fewer than 7 days of history, and counts days without usage after the first as $0", () => {
    const launch = judged[0];
    const young: DailySeries = { dimension: "feature", value: "new", days: new Map([[launch, day(10)], [judged[3], day(10)], [judged[4], day(5000)]]) };
    // History of judged[4]: 4 days since launch → no verdict.
    expect(findSpikeCandidates([young], judged)).toEqual([]);
    // Seven days on, with $0 on the days between, it is judged (and spikes).
    const later = { ...young, days: new Map([...young.days, [judged[10], day(5000)]]) };
    const [c] = findSpikeCandidates([later], judged);
    expect(c).toMatchObject({ date: judged[10], historyDates: judged.slice(0, 10) });
    expect(c.baseline).toMatchObject({ days: 10, medianUsd: "0.0000000000" });
  });

  it("ignores tiny amounts however large the ratio", () => {
    const s = noisySeries("tiny", 9, 3, 0.2, { [judged[2]]: day(60) }); // $0.03 a day, then $0.60
    expect(findAnomalies([s], judged)).toEqual([]);
  });

  it("sorts by excess, largest first", () => {
    const small = noisySeries("small", 11, 1000, 0.1, { [judged[1]]: day(3000) });
    const big = noisySeries("big", 12, 1000, 0.1, { [judged[2]]: day(9000) });
    expect(findAnomalies([small, big], judged).map((a) => a.value)).toEqual(["big", "small"]);
  });
});
