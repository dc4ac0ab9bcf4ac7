/** The first retry waits about this long; each failure doubles it up to `MAX_RETRY_DELAY_MS`. */
export const BASE_RETRY_DELAY_MS = 30_000;
export const MAX_RETRY_DELAY_MS = 60 * 60_000;
/** Deliveries keep being retried until this long after the alert (SPEC 5: at least 24 hours). */
export const RETRY_WINDOW_MS = 24 * 60 * 60_000;

/**
 * How long to wait after the `attempts`-th failed attempt (1 = the first): exponential from 30 s,
 * capped at one hour, with jitter taking 0–50% off so receivers coming back up are not hit by
 * every sender at once. `random` is Math.random's range, [0, 1).
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (1 - 0.5 * random()));
}

/** When to try again after the `attempts`-th failed attempt at `now`. */
export function nextAttemptAt(attempts: number, now: Date = new Date(), random: () => number = Math.random): Date {
  return new Date(now.getTime() + retryDelayMs(attempts, random));
}

/** Whether a delivery that just failed should still be retried: until 24 hours after it was created. */
export function shouldRetry(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() < RETRY_WINDOW_MS;
}
