import { describe, expect, it } from "vitest";
import { addDays, overviewPeriods } from "./overview-periods";

describe("overviewPeriods", () => {
  it("compares the same days and time of the previous month, in UTC", () => {
    const p = overviewPeriods(new Date("2026-11-24T09:30:00Z"), "UTC");
    expect(p.monthStart.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(p.monthEnd.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(p.previousStart.toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(p.previousEnd.toISOString()).toBe("2026-10-24T09:30:00.000Z");
    expect(p.today).toBe("2026-11-24");
    expect(p.dailyDates).toHaveLength(60);
    expect(p.dailyDates[0]).toBe("2026-09-26");
    expect(p.dailyDates[59]).toBe("2026-11-24");
    expect(p.dailyStart.toISOString()).toBe("2026-09-26T00:00:00.000Z");
    expect(p.restOfMonthDates).toEqual(["2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"]);
    // 7 days from the start of the 24th, less the 9.5 hours gone.
    expect(p.daysLeft).toBeCloseTo(7 - 9.5 / 24, 10);
  });

  it("uses the organization's zone for the month and clips to a shorter previous month", () => {
    // 22:00 on Oct 31 in New York (EDT, −4): the month is October; September has no 31st.
    const p = overviewPeriods(new Date("2026-11-01T02:00:00Z"), "America/New_York");
    expect(p.today).toBe("2026-10-31");
    expect(p.monthStart.toISOString()).toBe("2026-10-01T04:00:00.000Z");
    expect(p.previousStart.toISOString()).toBe("2026-09-01T04:00:00.000Z");
    expect(p.previousEnd.toISOString()).toBe("2026-10-01T04:00:00.000Z");
    // Nov 1 is still EDT at midnight (the change is at 02:00).
    expect(p.monthEnd.toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(p.restOfMonthDates).toEqual([]);
    expect(p.daysLeft).toBeCloseTo(2 / 24, 10);
  });

  it("wraps January back to December of the previous year", () => {
    const p = overviewPeriods(new Date("2027-01-10T12:00:00Z"), "UTC");
    expect(p.previousStart.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(p.previousEnd.toISOString()).toBe("2026-12-10T12:00:00.000Z");
    expect(p.monthEnd.toISOString()).toBe("2027-02-01T00:00:00.000Z");
  });
});

describe("addDays", () => {
  it("moves across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
