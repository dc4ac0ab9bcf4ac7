import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { isoWeekOfDate, mondayOfIsoWeek, nextWeek, parseReviewWeek, previousWeek, weekTense } from "./review-week";

describe("isoWeekOfDate", () => {
  it.each([
    ["2026-11-16", 2026, 47],
    ["2026-11-22", 2026, 47],
    ["2026-11-23", 2026, 48],
    // 1 January 2027 is a Friday: it belongs to 2026's last week, W53
    ["2027-01-01", 2026, 53],
    ["2027-01-04", 2027, 1],
    // 29 December 2025 is a Monday whose Thursday is in 2026: week 1 of 2026
    ["2025-12-29", 2026, 1],
    ["2024-12-30", 2025, 1],
    ["2020-12-31", 2020, 53],
  ])("%s is %i-W%i", (date, isoYear, isoWeek) => {
    expect(isoWeekOfDate(date)).toEqual({ isoYear, isoWeek });
  });
});

describe("mondayOfIsoWeek", () => {
  it("finds the Monday, across year boundaries", () => {
    expect(mondayOfIsoWeek(2026, 47)).toBe("2026-11-16");
    expect(mondayOfIsoWeek(2026, 1)).toBe("2025-12-29");
    expect(mondayOfIsoWeek(2026, 53)).toBe("2026-12-28");
    expect(mondayOfIsoWeek(2025, 1)).toBe("2024-12-30");
  });

  it("refuses weeks a year does not have", () => {
    expect(mondayOfIsoWeek(2025, 53)).toBeNull();
    expect(mondayOfIsoWeek(2026, 0)).toBeNull();
    expect(mondayOfIsoWeek(2026, 54)).toBeNull();
  });
});

describe("parseReviewWeek", () => {
  it("reads an ISO week as Monday to next Monday at UTC midnights", () => {
    const week = parseReviewWeek("2026-W47", "UTC");
    expect(week).toMatchObject({ label: "2026-W47", startDate: "2026-11-16", lastDate: "2026-11-22" });
    expect(week.start.toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("puts the bounds at local midnights in the organization's zone", () => {
    const week = parseReviewWeek("2026-W47", "America/New_York");
    expect(week.start.toISOString()).toBe("2026-11-16T05:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-11-23T05:00:00.000Z");
    const tokyo = parseReviewWeek("2026-w47", "Asia/Tokyo");
    expect(tokyo.start.toISOString()).toBe("2026-11-15T15:00:00.000Z");
  });

  it("keeps a week 7 local days long across a DST change (168 ± 1 hours)", () => {
    // Europe/Berlin leaves summer time on Sunday 25 October 2026 (W43)
    const week = parseReviewWeek("2026-W43", "Europe/Berlin");
    expect(week.start.toISOString()).toBe("2026-10-18T22:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("reads a date as the week holding it", () => {
    expect(parseReviewWeek("2026-11-22", "UTC").label).toBe("2026-W47");
    expect(parseReviewWeek("2027-01-02", "UTC")).toMatchObject({ label: "2026-W53", startDate: "2026-12-28" });
    expect(parseReviewWeek("2025-12-31", "UTC")).toMatchObject({ label: "2026-W01", startDate: "2025-12-29" });
  });

  it("defaults to the week holding now, in the zone", () => {
    // Monday 23 November 2026 01:00 UTC is still Sunday 22 November in New York
    const now = new Date("2026-11-23T01:00:00Z");
    expect(parseReviewWeek(undefined, "UTC", now).label).toBe("2026-W48");
    expect(parseReviewWeek("", "America/New_York", now).label).toBe("2026-W47");
  });

  it.each(["2026-W54", "2025-W53", "2026-13-01", "2026-02-30", "last week", "2026-W4x"])("refuses %s, naming week", (input) => {
    expect(() => parseReviewWeek(input, "UTC")).toThrow(AppError);
    try {
      parseReviewWeek(input, "UTC");
    } catch (error) {
      expect((error as AppError).issues?.[0].path).toBe("week");
    }
  });
});

describe("previousWeek / nextWeek / weekTense", () => {
  it("steps across the year boundary", () => {
    const w1 = parseReviewWeek("2026-W01", "UTC");
    expect(previousWeek(w1, "UTC").label).toBe("2025-W52");
    expect(nextWeek(parseReviewWeek("2026-W53", "UTC"), "UTC").label).toBe("2027-W01");
    expect(nextWeek(previousWeek(w1, "UTC"), "UTC").label).toBe("2026-W01");
  });

  it("tells past, current and future weeks apart", () => {
    const week = parseReviewWeek("2026-W47", "UTC");
    expect(weekTense(week, new Date("2026-11-23T00:00:00Z"))).toBe("past");
    expect(weekTense(week, new Date("2026-11-16T00:00:00Z"))).toBe("current");
    expect(weekTense(week, new Date("2026-11-15T23:59:59Z"))).toBe("future");
  });
});
