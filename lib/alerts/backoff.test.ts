import { describe, expect, it } from "vitest";
import { MAX_RETRY_DELAY_MS, nextAttemptAt, retryDelayMs, RETRY_WINDOW_MS, shouldRetry } from "./backoff";

describe("delivery backoff", () => {
  it("doubles from 30 s and is capped at one hour", () => {
    const none = () => 0;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelayMs(n, none))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000]);
  });

  it("takes up to half off as jitter, never more", () => {
    expect(retryDelayMs(1, () => 0.999999)).toBe(15_000);
    expect(retryDelayMs(30, () => 0.5)).toBe(MAX_RETRY_DELAY_MS * 0.75);
    for (let i = 0; i < 200; i++) {
      const d = retryDelayMs(3);
      expect(d).toBeGreaterThanOrEqual(60_000);
      expect(d).toBeLessThanOrEqual(120_000);
    }
  });

  it("schedules from now", () => {
    const now = new Date("2026-10-15T12:00:00Z");
    expect(nextAttemptAt(2, now, () => 0).toISOString()).toBe("2026-10-15T12:01:00.000Z");
  });

  it("keeps retrying for 24 hours, with attempts at least every hour at the end", () => {
    const created = new Date("2026-10-15T12:00:00Z");
    expect(shouldRetry(created, new Date(created.getTime() + RETRY_WINDOW_MS - 1))).toBe(true);
    expect(shouldRetry(created, new Date(created.getTime() + RETRY_WINDOW_MS))).toBe(false);
    // Simulate the slowest schedule (no jitter): the last attempt is made at or after 24 h.
    let t = created.getTime();
    let attempts = 0;
    while (shouldRetry(created, new Date(t))) {
      attempts += 1;
      t = nextAttemptAt(attempts, new Date(t), () => 0).getTime();
    }
    expect(t - created.getTime()).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    expect(attempts).toBeGreaterThan(20);
  });
});
