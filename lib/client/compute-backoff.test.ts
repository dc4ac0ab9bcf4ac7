import { describe, expect, it } from "vitest";
import { computeBackoffMs } from "./compute-backoff";

describe("computeBackoffMs", () => {
  it("doubles the ceiling per attempt up to the maximum", () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((attempt) => computeBackoffMs(attempt, 500, 30_000, top))).toEqual([499, 999, 1999, 3999, 7999, 15999, 29999, 29999]);
  });

  it("draws anywhere from zero (full jitter)", () => {
    expect(computeBackoffMs(5, 500, 30_000, () => 0)).toBe(0);
    expect(computeBackoffMs(2, 500, 30_000, () => 0.25)).toBe(500);
  });

  it("does not overflow for very high attempts", () => {
    expect(computeBackoffMs(5000, 500, 30_000, () => 0.5)).toBe(15_000);
  });
});
