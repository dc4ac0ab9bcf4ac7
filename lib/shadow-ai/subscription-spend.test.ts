import { describe, expect, it } from "vitest";
import { sumDecimals } from "@/lib/format/decimal";
import { monthInZone, monthsBetween, subscriptionMonthlySpend } from "./subscription-spend";

describe("subscription spend per month", () => {
  it("lists months across a year end, and none when the start is later", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-03", "2026-02")).toEqual([]);
  });

  it("a monthly cycle costs its amount every month", () => {
    expect(subscriptionMonthlySpend({ amountUsd: "30", billingCycle: "monthly", startMonth: "2026-09" }, "2026-11")).toEqual([
      { month: "2026-09", amountUsd: "30.0000000000" },
      { month: "2026-10", amountUsd: "30.0000000000" },
      { month: "2026-11", amountUsd: "30.0000000000" },
    ]);
  });

  it("an annual amount is spread exactly: every contract year sums to the annual amount", () => {
    const months = subscriptionMonthlySpend({ amountUsd: "1000", billingCycle: "annual", startMonth: "2025-06" }, "2026-11");
    expect(months).toHaveLength(18);
    expect(months[0]).toEqual({ month: "2025-06", amountUsd: "83.3333333337" });
    expect(months[1].amountUsd).toBe("83.3333333333");
    expect(sumDecimals(months.slice(0, 12).map((m) => m.amountUsd))).toBe("1000.0000000000");
    expect(months[12]).toEqual({ month: "2026-06", amountUsd: "83.3333333337" });
  });

  it("reads the calendar month in the organization's time zone", () => {
    const instant = new Date("2026-11-01T03:00:00Z");
    expect(monthInZone(instant, "UTC")).toBe("2026-11");
    expect(monthInZone(instant, "America/Los_Angeles")).toBe("2026-10");
    expect(monthInZone(new Date("2026-10-31T23:30:00Z"), "Europe/Berlin")).toBe("2026-11");
  });
});
