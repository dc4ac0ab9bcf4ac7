import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { takeRateLimitToken } from "./rate-limit";

describe("rate limit", () => {
  const settings = { perSecond: 2, burst: 3 };

  it("allows the burst, then refuses with Retry-After, then refills", () => {
    const key = `k-${Math.random()}`;
    for (let i = 0; i < 3; i++) takeRateLimitToken(key, 1000, settings);
    let refused: unknown;
    try {
      takeRateLimitToken(key, 1000, settings);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(429);
    expect((refused as AppError).retryAfterSeconds).toBe(1);
    expect(() => takeRateLimitToken(key, 1500, settings)).not.toThrow();
  });

  it("keeps keys apart", () => {
    const a = `a-${Math.random()}`;
    for (let i = 0; i < 3; i++) takeRateLimitToken(a, 0, settings);
    expect(() => takeRateLimitToken(`b-${Math.random()}`, 0, settings)).not.toThrow();
  });
});
