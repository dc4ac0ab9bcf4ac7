import { describe, expect, it } from "vitest";
import { div, exact, mul, toDecimal, toPlain } from "./exact";

describe("exact", () => {
  it("parses decimals and integers exactly", () => {
    expect(toPlain(exact("0.0000025"), 20)).toBe("0.0000025");
    expect(toPlain(exact(1234), 0)).toBe("1234");
    expect(toPlain(exact("-3.50"))).toBe("-3.5");
    expect(() => exact("1e-6")).toThrow(RangeError);
    expect(() => exact("$3")).toThrow(RangeError);
  });

  it("multiplies and divides without floats", () => {
    // 1,234,567 tokens × $0.0000025 = $3.0864175 exactly (a float gives 3.0864174999999997).
    expect(toPlain(mul(exact(1_234_567), exact("0.0000025")), 20)).toBe("3.0864175");
    expect(toDecimal(div(exact("0.2"), exact("0.7")))).toBe("0.2857142857");
    expect(toDecimal(div(exact("2"), exact("3")), 3)).toBe("0.667");
  });

  it("rounds half away from zero and never shows -0", () => {
    expect(toDecimal(exact("0.125"), 2)).toBe("0.13");
    expect(toDecimal(exact("-0.125"), 2)).toBe("-0.13");
    expect(toDecimal(exact("-0.001"), 2)).toBe("0.00");
    expect(() => div(exact(1), exact(0))).toThrow(RangeError);
  });
});
