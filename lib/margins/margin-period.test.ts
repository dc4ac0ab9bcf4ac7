import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { currentMonth, defaultMarginPeriod, parseMarginPeriod, quarterOfMonth, recentMarginPeriods } from "./margin-period";

describe("parseMarginPeriod", () => {
  it("reads a month as local midnights in the organization's zone", () => {
    const p = parseMarginPeriod("2026-10", "America/New_York");
    expect(p).toEqual({
      period: "2026-10",
      kind: "month",
      from: new Date("2026-10-01T04:00:00Z"),
      to: new Date("2026-11-01T04:00:00Z"),
      months: ["2026-10"],
      previous: "2026-09",
    });
  });

  it("reads a quarter, and steps back across a year", () => {
    const q = parseMarginPeriod("2026-q1", "UTC");
    expect(q).toMatchObject({ period: "2026-Q1", kind: "quarter", months: ["2026-01", "2026-02", "2026-03"], previous: "2025-Q4" });
    expect(q.from).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(q.to).toEqual(new Date("2026-04-01T00:00:00Z"));
    expect(parseMarginPeriod("2026-Q4", "Europe/Paris").to).toEqual(new Date("2026-12-31T23:00:00Z"));
    expect(parseMarginPeriod("2026-01", "UTC").previous).toBe("2025-12");
    expect(parseMarginPeriod("2026-Q3", "UTC").previous).toBe("2026-Q2");
  });

  it.each(["2026-13", "2026-Q5", "2026", "26-10", "2026-10-01", "", "october"])("rejects %j naming period", (text) => {
    expect.assertions(3);
    try {
      parseMarginPeriod(text, "UTC");
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("INVALID_INPUT");
      expect((error as AppError).issues?.[0].path).toBe("period");
    }
  });
});

describe("defaultMarginPeriod", () => {
  it("is the last full month in the organization's zone", () => {
    expect(defaultMarginPeriod(new Date("2026-11-24T06:00:00Z"), "UTC")).toBe("2026-10");
    expect(defaultMarginPeriod(new Date("2026-01-01T03:00:00Z"), "UTC")).toBe("2025-12");
    // Still December 31st in New York: the last full month is November.
    expect(defaultMarginPeriod(new Date("2027-01-01T03:00:00Z"), "America/New_York")).toBe("2026-11");
    expect(currentMonth(new Date("2027-01-01T03:00:00Z"), "America/New_York")).toBe("2026-12");
  });

  it("lists recent months and their quarters for a picker", () => {
    expect(quarterOfMonth("2026-11")).toBe("2026-Q4");
    expect(recentMarginPeriods("2026-02", 4)).toEqual({ months: ["2026-02", "2026-01", "2025-12", "2025-11"], quarters: ["2026-Q1", "2025-Q4"] });
  });
});
