import { describe, expect, it } from "vitest";
import { MIN_HISTORY_DAYS, robustBaseline } from "./robust-baseline";

describe("robustBaseline", () => {
  it("gives the median, MAD, MAD × 1.4826 and 90th percentile, exactly", () => {
    // sorted: 8 9 10 10 11 12 100 → median 10; |x − 10|: 2 1 0 0 1 2 90 → sorted 0 0 1 1 2 2 90 → MAD 1
    const b = robustBaseline(["10", "12", "9", "100", "10", "11", "8"]);
    expect(b).toEqual({ days: 7, medianUsd: "10.0000000000", madUsd: "1.0000000000", scaledMadUsd: "1.4826000000", p90Usd: "100.0000000000" });
  });

  it("takes the mean of the middle two for an even count, and keeps sub-cent amounts exact", () => {
    const b = robustBaseline(["0.0000000001", "0.0000000003", "0.0000000002", "0.0000000004", "0.0000000001", "0.0000000003", "0.0000000002", "0.0000000004"]);
    // sorted 1 1 2 2 3 3 4 4 (×1e-10): median (2 + 3) / 2 = 2.5 → 2 (truncated at the storage scale)
    expect(b?.medianUsd).toBe("0.0000000002");
  });

  it("counts days without spend as $0: a mostly idle series has median 0", () => {
    const b = robustBaseline([...Array(20).fill("0"), ...Array(8).fill("5")]);
    expect(b).toMatchObject({ days: 28, medianUsd: "0.0000000000", madUsd: "0.0000000000", p90Usd: "5.0000000000" });
  });

  it("gives no verdict below 7 days of history", () => {
    expect(robustBaseline([])).toBeNull();
    expect(robustBaseline(Array(MIN_HISTORY_DAYS - 1).fill("10"))).toBeNull();
    expect(robustBaseline(Array(MIN_HISTORY_DAYS).fill("10"))).toMatchObject({ medianUsd: "10.0000000000", madUsd: "0.0000000000" });
  });

  it("is not moved by one runaway day", () => {
    const calm = robustBaseline(["100", "104", "96", "101", "99", "103", "97", "100"])!;
    const withSpike = robustBaseline(["100", "104", "96", "101", "99", "103", "97", "5000"])!;
    expect(Number(withSpike.medianUsd) - Number(calm.medianUsd)).toBeLessThan(2);
    expect(Number(withSpike.madUsd)).toBeLessThan(4);
  });
});
