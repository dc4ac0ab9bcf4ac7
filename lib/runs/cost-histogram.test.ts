import { describe, expect, it } from "vitest";
import { bucketCosts, bucketIndex, layoutHistogram } from "./cost-histogram";
import { divideUsd, fromUnits, toUnits } from "./decimal-units";

describe("decimal units", () => {
  it("round-trips decimals exactly and drops trailing zeros", () => {
    expect(fromUnits(toUnits("0.5000000000"))).toBe("0.5");
    expect(fromUnits(toUnits("12"))).toBe("12");
    expect(fromUnits(toUnits("0.0000000001"))).toBe("0.0000000001");
    expect(fromUnits(toUnits("9999999999.9999999999"))).toBe("9999999999.9999999999");
    expect(() => toUnits("0.00000000001")).toThrow();
  });

  it("divides exactly, rounding half up at the 10th place", () => {
    expect(divideUsd("2.0000000001", 3)).toBe("0.6666666667");
    expect(divideUsd("1", 3)).toBe("0.3333333333");
    expect(divideUsd("0.0000000001", 2)).toBe("0.0000000001");
    expect(divideUsd("0.0000000001", 3)).toBe("0");
    expect(divideUsd("7.5", 1)).toBe("7.5");
    expect(divideUsd("7.5", 0)).toBeNull();
  });
});

describe("cost histogram", () => {
  it("splits [min, max] into 20 equal buckets with max in the last", () => {
    const buckets = bucketCosts(["0", "1", "0.05", "0.0499999999", "0.5", "0.95", "0.9499999999"]);
    expect(buckets).toHaveLength(20);
    expect(buckets[0]).toEqual({ lower_usd: "0", upper_usd: "0.05", runs: 2 });
    expect(buckets[1]).toEqual({ lower_usd: "0.05", upper_usd: "0.1", runs: 1 });
    expect(buckets[10]).toEqual({ lower_usd: "0.5", upper_usd: "0.55", runs: 1 });
    expect(buckets[18]).toEqual({ lower_usd: "0.9", upper_usd: "0.95", runs: 1 });
    expect(buckets[19]).toEqual({ lower_usd: "0.95", upper_usd: "1", runs: 2 });
    expect(buckets.reduce((n, b) => n + b.runs, 0)).toBe(7);
  });

  it("rounds the width up to a whole 10^-10 USD so the buckets cover max", () => {
    const layout = layoutHistogram("0.0000000001", "1.3");
    expect(layout).toEqual({ lower: 1n, width: 650_000_000n, buckets: 20 });
    expect(["0.0000000001", "0.1", "0.2", "0.4", "1.3"].map((c) => bucketIndex(layout, c))).toEqual([0, 1, 3, 6, 19]);
  });

  it("uses one bucket for a single value and one per unit for a tiny range", () => {
    expect(bucketCosts(["0.25", "0.25"])).toEqual([{ lower_usd: "0.25", upper_usd: "0.25", runs: 2 }]);
    expect(bucketCosts(["0.0000000001", "0.0000000003"])).toEqual([
      { lower_usd: "0.0000000001", upper_usd: "0.0000000002", runs: 1 },
      { lower_usd: "0.0000000002", upper_usd: "0.0000000003", runs: 1 },
    ]);
    expect(bucketCosts([])).toEqual([]);
  });
});
