import { describe, expect, it } from "vitest";
import { formatUsdTotal, formatUsdUnit } from "./format-money";

describe("money formatting", () => {
  it("shows totals in whole dollars from $1,000 and cents below", () => {
    expect(formatUsdTotal("12345.678")).toBe("$12,346");
    expect(formatUsdTotal("999.994")).toBe("$999.99");
    expect(formatUsdTotal("0.004")).toBe("$0.00");
  });

  it("keeps sub-cent unit costs readable", () => {
    expect(formatUsdUnit("0.0004123456")).toBe("$0.000412");
    expect(formatUsdUnit("0.5")).toBe("$0.5");
    expect(formatUsdUnit("2.345")).toBe("$2.35");
    expect(formatUsdUnit("0")).toBe("$0");
    expect(formatUsdUnit("-0.00012")).toBe("-$0.00012");
  });
});
