import { describe, expect, it } from "vitest";
import { sumDecimals } from "@/lib/format/decimal";
import { likelyCause, type LikelyCause, type SeriesDay } from "./likely-cause";

const addsUp = (c: LikelyCause) => expect(sumDecimals(Object.values(c.effects))).toBe(c.changeUsd);
// 100 calls of model a at 1,000 tokens and $0.01 a call; 10 runs of 10 calls, 1 failed call.
const base: SeriesDay = { models: [{ model: "p/a", calls: 100, tokens: 100_000, costUsd: "1" }], runs: { runs: 10, steps: 100, errors: 1 } };

describe("likelyCause", () => {
  it("names volume when there are more calls of the same shape", () => {
    const c = likelyCause({ models: [{ model: "p/a", calls: 500, tokens: 500_000, costUsd: "5" }], runs: { runs: 50, steps: 500, errors: 5 } }, base);
    expect(c).toMatchObject({ kind: "volume", changeUsd: "4.0000000000", share: 1 });
    expect(c.effects).toEqual({ volume: "4.0000000000", retries_errors: "0.0000000000", tokens_per_call: "0.0000000000", model_mix: "0.0000000000", unit_price: "0.0000000000" });
    expect(c.detail).toBe("500 calls vs 100 on a typical day (5.0×)");
    addsUp(c);
  });

  it("names retries/errors when the same runs make many more calls each", () => {
    const c = likelyCause({ models: [{ model: "p/a", calls: 500, tokens: 500_000, costUsd: "5" }], runs: { runs: 10, steps: 500, errors: 60 } }, base);
    expect(c).toMatchObject({ kind: "retries_errors", changeUsd: "4.0000000000" });
    expect(c.effects).toMatchObject({ volume: "0.0000000000", retries_errors: "4.0000000000" });
    expect(c.detail).toBe("50.0 calls per run vs 10.0 (10 runs vs 10.0); failed calls 12.0% vs 1.0%");
    expect(c.today).toMatchObject({ calls: 500, runs: 10, callsPerRun: 50, errorRate: 0.12 });
    addsUp(c);
  });

  it("names tokens per call when the same calls grow their context", () => {
    const c = likelyCause({ models: [{ model: "p/a", calls: 100, tokens: 500_000, costUsd: "5" }], runs: base.runs }, base);
    expect(c).toMatchObject({ kind: "tokens_per_call", changeUsd: "4.0000000000" });
    expect(c.effects).toMatchObject({ tokens_per_call: "4.0000000000", unit_price: "0.0000000000", volume: "0.0000000000" });
    expect(c.detail).toBe("5,000 tokens per call vs 1,000 (5.0×)");
    addsUp(c);
  });

  it("names model mix when calls move to a dearer model", () => {
    const before: SeriesDay = { models: [{ model: "p/cheap", calls: 90, tokens: 90_000, costUsd: "0.9" }, { model: "p/dear", calls: 10, tokens: 10_000, costUsd: "1" }], runs: null };
    const after: SeriesDay = { models: [{ model: "p/cheap", calls: 10, tokens: 10_000, costUsd: "0.1" }, { model: "p/dear", calls: 90, tokens: 90_000, costUsd: "9" }], runs: null };
    const c = likelyCause(after, before);
    // mix per call = (0.1 − 0.9) × 0.01 + (0.9 − 0.1) × 0.1 = 0.072, × 100 calls
    expect(c).toMatchObject({ kind: "model_mix", changeUsd: "7.2000000000" });
    expect(c.effects.model_mix).toBe("7.2000000000");
    expect(c.detail).toBe("p/dear made 90.0% of calls vs 10.0%");
    addsUp(c);
  });

  it("names unit price when the same tokens cost more", () => {
    const c = likelyCause({ models: [{ model: "p/a", calls: 100, tokens: 100_000, costUsd: "3" }], runs: base.runs }, base);
    expect(c).toMatchObject({ kind: "unit_price", changeUsd: "2.0000000000", effects: { unit_price: "2.0000000000" } });
    expect(c.detail).toBe("price per token of p/a +200% vs a typical day");
    addsUp(c);
  });

  it("counts a series with no baseline spend as all volume", () => {
    const c = likelyCause(base, { models: [], runs: null });
    expect(c).toMatchObject({ kind: "volume", changeUsd: "1.0000000000", effects: { volume: "1.0000000000" } });
    expect(c.detail).toBe("100 calls where a typical day costs nothing");
  });

  it("splits a change with every cause at once into effects that add up exactly, and names a close second", () => {
    const before: SeriesDay = { models: [{ model: "p/a", calls: "33.3333333333", tokens: "41234.5", costUsd: "0.3333333333" }, { model: "p/b", calls: 7, tokens: 90_001, costUsd: "1.23456789" }], runs: { runs: "3.5", steps: "12.25", errors: 0 } };
    const after: SeriesDay = { models: [{ model: "p/a", calls: 80, tokens: 400_000, costUsd: "2.9876543211" }, { model: "p/b", calls: 40, tokens: 900_000, costUsd: "14.1" }, { model: "p/new", calls: 3, tokens: 3000, costUsd: "0.07" }], runs: { runs: 4, steps: 90, errors: 7 } };
    const c = likelyCause(after, before);
    addsUp(c);
    expect(c.changeUsd).toBe("15.5897530978");
    expect(c.detail).toContain("; also ");
  });
});
