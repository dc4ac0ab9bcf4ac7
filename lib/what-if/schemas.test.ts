import { describe, expect, it } from "vitest";
import { checkForm, cloudHardwareFormSchema, pricePerOutcomeFormSchema, routingFormSchema } from "./schemas";

describe("what-if form schemas", () => {
  it("accepts plain decimals and trims them", () => {
    expect(checkForm(pricePerOutcomeFormSchema, { costPerAttemptUsd: " 0.20 ", successRatePct: "70", targetMarginPct: "0" })).toEqual({
      ok: true,
      data: { costPerAttemptUsd: "0.20", successRatePct: "70", targetMarginPct: "0" },
    });
  });

  it("names the field in every error", () => {
    const result = checkForm(pricePerOutcomeFormSchema, { costPerAttemptUsd: "$0.20", successRatePct: "0", targetMarginPct: "100" });
    expect(result).toEqual({
      ok: false,
      errors: {
        costPerAttemptUsd: "Cost per attempt must be a number like 12.5 (no $, % or commas)",
        successRatePct: "Success rate must be more than 0",
        targetMarginPct: "Target gross margin must be less than 100",
      },
    });
    const routing = checkForm(routingFormSchema, { fromModel: "a", toModel: "b", sharePct: "101" });
    expect(routing.ok ? null : routing.errors.sharePct).toBe("Share of calls moved must be at most 100");
    const cloud = checkForm(cloudHardwareFormSchema, { cloudMonthlyUsd: "", egressMonthlyUsd: "0", capexUsd: "-1", lifeMonths: "0", powerMonthlyUsd: "0", operationsMonthlyUsd: "0", staffMonthlyUsd: "0" });
    expect(cloud.ok ? null : cloud.errors).toEqual({
      cloudMonthlyUsd: "Cloud AI spend per month is required",
      capexUsd: "Hardware purchase (capex) must be at least 0",
      lifeMonths: "Hardware life in months must be more than 0",
    });
  });
});
