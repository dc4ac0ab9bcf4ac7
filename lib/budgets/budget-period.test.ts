import { describe, expect, it } from "vitest";
import { budgetPeriod } from "./budget-period";

const iso = (d: Date) => d.toISOString();
const bounds = (now: string, period: "day" | "week" | "month" | "quarter", zone: string) => {
  const p = budgetPeriod(new Date(now), period, zone);
  return [iso(p.start), iso(p.end)];
};

describe("budgetPeriod in the organization's time zone", () => {
  it("gives UTC periods, weeks starting on Monday and quarters starting Jan/Apr/Jul/Oct", () => {
    // 2026-11-24 is a Tuesday.
    expect(bounds("2026-11-24T12:00:00Z", "day", "UTC")).toEqual(["2026-11-24T00:00:00.000Z", "2026-11-25T00:00:00.000Z"]);
    expect(bounds("2026-11-24T12:00:00Z", "week", "UTC")).toEqual(["2026-11-23T00:00:00.000Z", "2026-11-30T00:00:00.000Z"]);
    expect(bounds("2026-11-24T12:00:00Z", "month", "UTC")).toEqual(["2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"]);
    expect(bounds("2026-11-24T12:00:00Z", "quarter", "UTC")).toEqual(["2026-10-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"]);
    expect(bounds("2026-02-10T00:00:00Z", "quarter", "UTC")).toEqual(["2026-01-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"]);
  });

  it("treats Monday midnight as the start of a week and Sunday 23:59:59 as the end of the last", () => {
    expect(bounds("2026-11-23T00:00:00Z", "week", "UTC")[0]).toBe("2026-11-23T00:00:00.000Z");
    expect(bounds("2026-11-22T23:59:59Z", "week", "UTC")).toEqual(["2026-11-16T00:00:00.000Z", "2026-11-23T00:00:00.000Z"]);
  });

  it("follows New York across the end of DST (Sunday 2026-11-01): a 25-hour day and a week that starts in EDT and ends in EST", () => {
    expect(bounds("2026-11-01T12:00:00Z", "day", "America/New_York")).toEqual(["2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z"]);
    expect(bounds("2026-11-01T12:00:00Z", "week", "America/New_York")).toEqual(["2026-10-26T04:00:00.000Z", "2026-11-02T05:00:00.000Z"]);
    expect(bounds("2026-11-01T12:00:00Z", "month", "America/New_York")).toEqual(["2026-11-01T04:00:00.000Z", "2026-12-01T05:00:00.000Z"]);
    expect(bounds("2026-11-01T12:00:00Z", "quarter", "America/New_York")).toEqual(["2026-10-01T04:00:00.000Z", "2027-01-01T05:00:00.000Z"]);
  });

  it("follows New York across the start of DST (2026-03-08): Q1 starts in EST and ends in EDT", () => {
    expect(bounds("2026-03-15T12:00:00Z", "quarter", "America/New_York")).toEqual(["2026-01-01T05:00:00.000Z", "2026-04-01T04:00:00.000Z"]);
    expect(bounds("2026-03-08T12:00:00Z", "day", "America/New_York")).toEqual(["2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z"]);
  });

  it("uses the local date, not the UTC date, near midnight", () => {
    // 03:59:59 UTC on Oct 1 is still Sep 30 in New York: the third quarter.
    expect(bounds("2026-10-01T03:59:59Z", "quarter", "America/New_York")).toEqual(["2026-07-01T04:00:00.000Z", "2026-10-01T04:00:00.000Z"]);
    expect(bounds("2026-10-01T04:00:00Z", "quarter", "America/New_York")[0]).toBe("2026-10-01T04:00:00.000Z");
  });

  it("follows Kolkata's half-hour offset: 20:00 UTC on Sep 30 is already Thursday Oct 1 there", () => {
    const now = "2026-09-30T20:00:00Z";
    expect(bounds(now, "day", "Asia/Kolkata")).toEqual(["2026-09-30T18:30:00.000Z", "2026-10-01T18:30:00.000Z"]);
    expect(bounds(now, "week", "Asia/Kolkata")).toEqual(["2026-09-27T18:30:00.000Z", "2026-10-04T18:30:00.000Z"]);
    expect(bounds(now, "month", "Asia/Kolkata")).toEqual(["2026-09-30T18:30:00.000Z", "2026-10-31T18:30:00.000Z"]);
    expect(bounds(now, "quarter", "Asia/Kolkata")).toEqual(["2026-09-30T18:30:00.000Z", "2026-12-31T18:30:00.000Z"]);
    expect(bounds("2026-09-30T18:29:59Z", "quarter", "Asia/Kolkata")).toEqual(["2026-06-30T18:30:00.000Z", "2026-09-30T18:30:00.000Z"]);
  });

  it("counts the days left in wall-clock days, the rest of today as a fraction", () => {
    expect(budgetPeriod(new Date("2026-11-24T12:00:00Z"), "month", "UTC")).toMatchObject({ today: "2026-11-24", daysLeft: 6.5, startDate: "2026-11-01", lastDate: "2026-11-30" });
    expect(budgetPeriod(new Date("2026-11-24T12:00:00Z"), "day", "UTC").daysLeft).toBe(0.5);
    expect(budgetPeriod(new Date("2026-11-24T18:00:00Z"), "week", "UTC").daysLeft).toBe(5.25);
    // 08:00 local on the 25-hour day: still 16/24 of a wall-clock day left.
    expect(budgetPeriod(new Date("2026-11-01T13:00:00Z"), "day", "America/New_York").daysLeft).toBeCloseTo(16 / 24, 10);
  });
});
