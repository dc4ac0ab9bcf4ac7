import { addUtcMonths } from "./event-months";

/** The environment variable that sets how many whole months of raw events to keep. */
export const EVENT_RETENTION_ENV = "MARGINAL_EVENT_RETENTION_MONTHS";

/**
 * The retention setting: a whole number of months, or null (unset or empty) to keep every event.
 * Anything else throws, so a typo never silently keeps or drops data.
 */
export function readEventRetentionMonths(env: Readonly<Record<string, string | undefined>> = process.env): number | null {
  const raw = env[EVENT_RETENTION_ENV]?.trim();
  if (!raw) return null;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new Error(`${EVENT_RETENTION_ENV} must be a whole number of months (1 or more), or unset to keep every event; got "${raw}".`);
  }
  return Number(raw);
}

/**
 * The start of the oldest UTC month whose raw events are kept at `now`: the current month and the
 * `retentionMonths` whole months before it. Null when everything is kept.
 */
export function oldestRetainedMonth(now: Date, retentionMonths: number | null): Date | null {
  return retentionMonths === null ? null : addUtcMonths(now, -retentionMonths);
}

/** The raw events kept at a moment: those from `oldest` on, under a setting of `months`. */
export type RetentionWindow = { months: number; oldest: Date };

/** The retention window the environment sets at `now`, or null when every event is kept. */
export function readRetentionWindow(now: Date, env: Readonly<Record<string, string | undefined>> = process.env): RetentionWindow | null {
  const months = readEventRetentionMonths(env);
  return months === null ? null : { months, oldest: addUtcMonths(now, -months) };
}

/** The message an event older than the retention window is rejected with (SPEC 2.1: it names the field). */
export function tooOldMessage(window: RetentionWindow): string {
  return `timestamp: must not be before ${window.oldest.toISOString()}: raw events are kept for the current month and the ${window.months} before it (${EVENT_RETENTION_ENV})`;
}
