/**
 * Slows password guessing: after too many failed sign-ins for one email, or from one address,
 * further attempts are refused until the window has passed. Counts live in this process, like the
 * API rate limits (lib/http/rate-limit.ts); docs/scaling.md says what changes with several.
 */

/** The error code a refused sign-in answers with; the sign-in form shows it as "too many attempts". */
export const TOO_MANY_SIGN_IN_ATTEMPTS = "TooManyAttempts";

export type SignInThrottleSettings = { windowMs: number; maxFailuresPerEmail: number; maxFailuresPerAddress: number };

/** 10 failures per email and 50 per client address within 15 minutes (MARGINAL_SIGNIN_MAX_FAILURES overrides the email limit). */
export function signInThrottleSettings(env: Record<string, string | undefined> = process.env): SignInThrottleSettings {
  const perEmail = Number(env.MARGINAL_SIGNIN_MAX_FAILURES ?? 10);
  return { windowMs: 15 * 60_000, maxFailuresPerEmail: perEmail, maxFailuresPerAddress: perEmail * 5 };
}

type Window = { failures: number; startedAt: number };

/** One throttle: a map of fixed windows keyed by `email:<email>` and `ip:<address>`. */
export function createSignInThrottle(settings: SignInThrottleSettings = signInThrottleSettings()) {
  const windows = new Map<string, Window>();

  function current(key: string, now: number): Window | null {
    const window = windows.get(key);
    if (!window) return null;
    if (now - window.startedAt >= settings.windowMs) {
      windows.delete(key);
      return null;
    }
    return window;
  }

  function keys(email: string, address: string | null): [string, number][] {
    return [[`email:${email}`, settings.maxFailuresPerEmail], ...(address ? ([[`ip:${address}`, settings.maxFailuresPerAddress]] as [string, number][]) : [])];
  }

  return {
    /** Seconds until this email or address may try again, or 0 when it may try now. */
    retryAfterSeconds(email: string, address: string | null, now = Date.now()): number {
      let wait = 0;
      for (const [key, limit] of keys(email, address)) {
        const window = current(key, now);
        if (window && window.failures >= limit) wait = Math.max(wait, Math.ceil((window.startedAt + settings.windowMs - now) / 1000));
      }
      return wait;
    },
    /** Counts a wrong password (or unknown email) against both the email and the address. */
    recordFailure(email: string, address: string | null, now = Date.now()): void {
      for (const [key] of keys(email, address)) {
        const window = current(key, now) ?? { failures: 0, startedAt: now };
        window.failures += 1;
        windows.set(key, window);
      }
    },
    /** A correct password clears the email's count (not the address's: one address may guess many emails). */
    recordSuccess(email: string): void {
      windows.delete(`email:${email}`);
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

/** The first address of X-Forwarded-For (set by the proxy in front), else null. */
export function clientAddressOf(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || null;
}
