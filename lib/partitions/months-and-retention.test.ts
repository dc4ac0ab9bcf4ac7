import { describe, expect, it } from "vitest";
import { addUtcMonths, eventPartitionName, monthOfEventPartition, utcMonthsOf, utcMonthStart } from "./event-months";
import { createEventPartitionsSql } from "./ensure-event-partitions";
import { EVENT_RETENTION_ENV, readEventRetentionMonths, readRetentionWindow, tooOldMessage } from "./event-retention";

describe("UTC months", () => {
  it("puts the last millisecond of a month in that month and its first in the next, in UTC", () => {
    expect(utcMonthStart(new Date("2026-10-31T23:59:59.999Z")).toISOString()).toBe("2026-10-01T00:00:00.000Z");
    // 20:00 on 31 October in New York is already November in UTC.
    expect(utcMonthStart(new Date("2026-10-31T20:00:00-04:00")).toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("steps across year ends both ways", () => {
    expect(addUtcMonths(new Date("2026-12-15T00:00:00Z"), 1).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(addUtcMonths(new Date("2026-01-15T00:00:00Z"), -2).toISOString()).toBe("2025-11-01T00:00:00.000Z");
  });

  it("lists a batch's distinct months in order", () => {
    const months = utcMonthsOf([new Date("2026-10-05T00:00:00Z"), new Date("2026-08-01T00:00:00Z"), new Date("2026-10-30T00:00:00Z")]);
    expect(months.map((m) => m.toISOString())).toEqual(["2026-08-01T00:00:00.000Z", "2026-10-01T00:00:00.000Z"]);
  });

  it("names partitions and reads the names back, ignoring names it did not make", () => {
    const month = new Date("2026-03-01T00:00:00Z");
    expect(eventPartitionName(month)).toBe("Event_2026_03");
    expect(monthOfEventPartition("Event_2026_03")).toEqual(month);
    expect(monthOfEventPartition("Event_2026_13")).toBeNull();
    expect(monthOfEventPartition("Event_old")).toBeNull();
  });

  it("bounds each partition by UTC month starts, with the zone written out", () => {
    const sql = createEventPartitionsSql([new Date("2026-12-01T00:00:00Z")]);
    expect(sql).toContain(`"event_partitions"."Event_2026_12" PARTITION OF "Event" FOR VALUES FROM ('2026-12-01T00:00:00.000Z') TO ('2027-01-01T00:00:00.000Z')`);
    expect(sql).toMatch(/pg_advisory_xact_lock/);
  });
});

describe("retention setting", () => {
  it("keeps everything when unset or empty", () => {
    expect(readEventRetentionMonths({})).toBeNull();
    expect(readEventRetentionMonths({ [EVENT_RETENTION_ENV]: " " })).toBeNull();
    expect(readRetentionWindow(new Date(), {})).toBeNull();
  });

  it("refuses anything but a whole number of months", () => {
    for (const bad of ["0", "-1", "1.5", "12m", "abc"]) expect(() => readEventRetentionMonths({ [EVENT_RETENTION_ENV]: bad })).toThrow(EVENT_RETENTION_ENV);
  });

  it("keeps the current month and N whole months before it", () => {
    const window = readRetentionWindow(new Date("2026-11-24T09:00:00Z"), { [EVENT_RETENTION_ENV]: "3" });
    expect(window).toEqual({ months: 3, oldest: new Date("2026-08-01T00:00:00Z") });
    expect(tooOldMessage(window!)).toMatch(/^timestamp: must not be before 2026-08-01T00:00:00.000Z/);
  });
});
