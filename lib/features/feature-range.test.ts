import { describe, expect, it } from "vitest";
import { featureRangeSearch, rangeDates, readFeatureRange } from "./feature-range";

const NOW = new Date("2026-11-24T03:00:00Z");

describe("readFeatureRange", () => {
  it("defaults to the last 30 local days through today, in the organization's zone", () => {
    // 03:00 UTC is still Nov 23 in New York.
    const range = readFeatureRange({}, NOW, "America/New_York");
    expect(range).toMatchObject({ fromDay: "2026-10-25", throughDay: "2026-11-23", days: 30, isDefault: true });
    expect(range.from.toISOString()).toBe("2026-10-25T04:00:00.000Z"); // EDT
    expect(range.to.toISOString()).toBe("2026-11-24T05:00:00.000Z"); // EST, after the DST change
    expect(range.previousFromDay).toBe("2026-09-25");
    expect(range.previousThroughDay).toBe("2026-10-24");
    expect(featureRangeSearch(range)).toBe("");
  });

  it("reads an inclusive chosen range and the same number of days before it", () => {
    const range = readFeatureRange({ from: "2026-11-01", to: "2026-11-10" }, NOW, "Asia/Kolkata");
    expect(range).toMatchObject({ fromDay: "2026-11-01", throughDay: "2026-11-10", days: 10, previousFromDay: "2026-10-22", previousThroughDay: "2026-10-31", isDefault: false });
    expect(range.from.toISOString()).toBe("2026-10-31T18:30:00.000Z");
    expect(range.to.toISOString()).toBe("2026-11-10T18:30:00.000Z");
    expect(range.previousFrom.toISOString()).toBe("2026-10-21T18:30:00.000Z");
    expect(featureRangeSearch(range)).toBe("?from=2026-11-01&to=2026-11-10");
    expect(rangeDates(range)).toHaveLength(10);
    expect(rangeDates(range).at(-1)).toBe("2026-11-10");
  });

  it.each([
    [{ from: "2026-11-10", to: "2026-11-01" }, "reversed"],
    [{ from: "2026-02-30", to: "2026-03-02" }, "not a real date"],
    [{ from: "yesterday", to: "2026-11-01" }, "not a date"],
    [{ from: "2024-01-01", to: "2026-11-01" }, "over a year"],
    [{ from: "2026-11-01" }, "half a range"],
  ])("falls back to the default for a bad range (%s: %s)", (params: { from?: string; to?: string }, reason: string) => {
    expect(readFeatureRange(params, NOW, "UTC").isDefault, reason).toBe(true);
  });
});
