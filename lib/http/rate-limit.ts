import { AppError } from "@/lib/errors/app-error";

type Bucket = { tokens: number; updatedAt: number };

/** Requests per second and burst per API key (MARGINAL_RATE_LIMIT_RPS, MARGINAL_RATE_LIMIT_BURST). */
export function rateLimitSettings(env: Record<string, string | undefined> = process.env) {
  return { perSecond: Number(env.MARGINAL_RATE_LIMIT_RPS ?? 50), burst: Number(env.MARGINAL_RATE_LIMIT_BURST ?? 100) };
}

// In-process token buckets: one server process per deployment today (see docs/scaling.md for
// what changes with several).
const buckets = new Map<string, Bucket>();

/** Takes one request from the key's bucket, or throws RATE_LIMITED with the seconds to wait. */
export function takeRateLimitToken(key: string, now = Date.now(), settings = rateLimitSettings()): void {
  const bucket = buckets.get(key) ?? { tokens: settings.burst, updatedAt: now };
  bucket.tokens = Math.min(settings.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * settings.perSecond);
  bucket.updatedAt = now;
  buckets.set(key, bucket);
  if (bucket.tokens < 1) {
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / settings.perSecond));
    throw new AppError("RATE_LIMITED", `Rate limit of ${settings.perSecond} requests per second exceeded; retry after ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
  bucket.tokens -= 1;
}
