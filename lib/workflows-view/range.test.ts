import { describe, expect, it } from "vitest";
import { rangeSearch, readWorkflowRange } from "./range";

const now = new Date("2026-11-24T02:00:00.000Z");

describe("readWorkflowRange", () => {
  it("reads inclusive UTC days into an exclusive API range", () => {
    const r = readWorkflowRange({ from: "2026-11-01", to: "2026-11-10" }, now);
    expect(r).toEqual({ from: "2026-11-01T00:00:00.000Z", to: "2026-11-11T00:00:00.000Z", fromDay: "2026-11-01", throughDay: "2026-11-10", isDefault: false });
    expect(rangeSearch(r)).toBe("?from=2026-11-01&to=2026-11-10");
  });

  it("falls back to the last 30 days for missing, invalid or reversed ranges", () => {
    for (const params of [{}, { from: "nope", to: "2026-11-10" }, { from: "2026-11-10", to: "2026-11-01" }]) {
      const r = readWorkflowRange(params, now);
      expect(r).toMatchObject({ from: "2026-10-25T02:00:00.000Z", to: "2026-11-24T02:00:00.000Z", isDefault: true });
      expect(rangeSearch(r)).toBe("");
    }
  });
});
