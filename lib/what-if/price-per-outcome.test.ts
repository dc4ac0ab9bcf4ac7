import { describe, expect, it } from "vitest";
import { formatUsdUnit } from "@/lib/format/format-money";
import { pricePerOutcome } from "./price-per-outcome";

describe("pricePerOutcome", () => {
  it("$0.20 per attempt at 70% success is $0.286 per charged outcome", () => {
    const result = pricePerOutcome({ costPerAttemptUsd: "0.20", successRatePct: "70", targetMarginPct: "0" });
    expect(result.cost_per_outcome_usd).toBe("0.2857142857");
    expect(formatUsdUnit(result.cost_per_outcome_usd)).toBe("$0.286");
    expect(result.price_per_outcome_usd).toBe("0.2857142857");
  });

  it("prices for a target gross margin: cost per outcome ÷ (1 − margin)", () => {
    // 0.2857142857… ÷ 0.4 = 0.7142857142…
    const result = pricePerOutcome({ costPerAttemptUsd: "0.20", successRatePct: "70", targetMarginPct: "60" });
    expect(result.price_per_outcome_usd).toBe("0.7142857143");
    // $1.50 at 100% success and 75% margin: $6.00.
    expect(pricePerOutcome({ costPerAttemptUsd: "1.5", successRatePct: "100", targetMarginPct: "75" }).price_per_outcome_usd).toBe("6.0000000000");
    expect(result.formula[0].value).toBe("0.2 ÷ 0.7 = 0.2857142857");
  });
});
