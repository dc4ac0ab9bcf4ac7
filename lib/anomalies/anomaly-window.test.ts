import { describe, expect, it } from "vitest";
import { anomalyWindow, localDateOf, localDateRange } from "./anomaly-window";

describe("anomalyWindow", () => {
  it("judges the last `days` local dates ending today, reading 28 days more before them", () => {
    const now = new Date("2026-11-24T03:30:00Z"); // still Nov 23 in New York
    const w = anomalyWindow(now, "America/New_York", 3);
    expect(w.dates).toEqual(["2026-11-21", "2026-11-22", "2026-11-23"]);
    expect(w.from.toISOString()).toBe("2026-10-24T04:00:00.000Z"); // local midnight, summer time (UTC−4)
    expect(w.to).toBe(now);
  });

  it("takes local days across a DST change (23- and 25-hour days)", () => {
    const { from, to } = localDateRange("2026-11-01", "2026-11-01", "America/New_York");
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(25);
    expect(localDateOf(new Date("2026-11-01T04:30:00Z"), "America/New_York")).toBe("2026-11-01");
    expect(anomalyWindow(new Date("2026-11-24T12:00:00Z"), "UTC", 1).dates).toEqual(["2026-11-24"]);
  });
});
