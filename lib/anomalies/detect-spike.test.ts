import { describe, expect, it } from "vitest";
import { detectSpike } from "./detect-spike";
import { robustBaseline } from "./robust-baseline";

const noisy = ["100", "110", "95", "105", "90", "120", "100", "98", "102", "115", "85", "100", "108", "93"];

describe("detectSpike", () => {
  it("flags a day far above a noisy baseline, with its size", () => {
    const b = robustBaseline(noisy)!;
    const v = detectSpike("400", b);
    expect(v.isSpike).toBe(true);
    expect(v.excessUsd).toBe("300.0000000000");
    expect(v.ratio).toBe(4);
    expect(v.zScore).toBeGreaterThan(20);
  });

  it("leaves ordinary days alone, high ones included", () => {
    const b = robustBaseline(noisy)!;
    for (const cost of ["100", "125", "150", "60", "0"]) expect(detectSpike(cost, b).isSpike).toBe(false);
  });

  it("never alarms on cents: a tenfold jump of a few cents is not a spike", () => {
    const b = robustBaseline(Array(28).fill("0.05"))!;
    const v = detectSpike("0.95", b);
    expect(v.zScore).toBeGreaterThan(5);
    expect(v.isSpike).toBe(false);
    expect(detectSpike("1.2", b).isSpike).toBe(true);
  });

  it("needs 1.5 × the usual high on a perfectly steady series (MAD 0)", () => {
    const b = robustBaseline(Array(28).fill("10"))!;
    expect(detectSpike("14", b)).toMatchObject({ isSpike: false, zScore: 8 });
    expect(detectSpike("15", b).isSpike).toBe(true);
  });

  it("does not flag a weekly batch job's usual busy day, but does flag a much bigger one", () => {
    const history = Array.from({ length: 28 }, (_, i) => (i % 7 === 6 ? "50" : "0"));
    const b = robustBaseline(history)!;
    expect(b.medianUsd).toBe("0.0000000000");
    expect(detectSpike("55", b).isSpike).toBe(false);
    expect(detectSpike("200", b)).toMatchObject({ isSpike: true, ratio: null });
  });

  it("treats spend after a silent history as a spike when it is more than cents", () => {
    const b = robustBaseline(Array(14).fill("0"))!;
    expect(detectSpike("0.5", b).isSpike).toBe(false);
    expect(detectSpike("3", b)).toMatchObject({ isSpike: true, excessUsd: "3.0000000000", ratio: null });
  });
});
