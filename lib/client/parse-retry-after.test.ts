import { describe, expect, it } from "vitest";
import { parseRetryAfterMs } from "./parse-retry-after";

const nowMs = Date.parse("2026-10-01T12:00:00Z");

describe("parseRetryAfterMs", () => {
  it("reads delay-seconds", () => {
    expect(parseRetryAfterMs("5", nowMs)).toBe(5000);
    expect(parseRetryAfterMs(" 0 ", nowMs)).toBe(0);
    expect(parseRetryAfterMs("1.5", nowMs)).toBe(1500);
  });

  it("reads an HTTP date as the time until it, never negative", () => {
    expect(parseRetryAfterMs("Thu, 01 Oct 2026 12:00:30 GMT", nowMs)).toBe(30_000);
    expect(parseRetryAfterMs("Thu, 01 Oct 2026 11:00:00 GMT", nowMs)).toBe(0);
  });

  it("answers null for absent or unreadable values", () => {
    for (const value of [null, undefined, "", "soon", "-3"]) expect(parseRetryAfterMs(value, nowMs)).toBeNull();
  });
});
