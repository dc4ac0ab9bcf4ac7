import { instantOfWallTime, wallTimeAt } from "@/lib/costs/zoned-time";
import { addDays } from "@/lib/overview/overview-periods";

export const DEFAULT_FEATURE_DAYS = 30;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 366;

/** A range of whole local days in the organization's zone, and the same number of days just before it. */
export type FeatureRange = {
  fromDay: string;
  /** Inclusive. */
  throughDay: string;
  days: number;
  from: Date;
  /** Exclusive: local midnight after `throughDay`. */
  to: Date;
  previousFromDay: string;
  previousThroughDay: string;
  previousFrom: Date;
  isDefault: boolean;
};

const realDate = (value: string | undefined): value is string =>
  value !== undefined && DATE.test(value) && addDays(value, 0) === value;
const daysBetween = (from: string, through: string) => Math.round((Date.parse(`${through}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

function localMidnight(date: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  return instantOfWallTime({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

/** Today's local date in the zone. */
export function localToday(now: Date, timeZone: string): string {
  const w = wallTimeAt(now, timeZone);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/**
 * Reads `from` and `to` (local days, `to` inclusive) from the URL. Missing or invalid values, a
 * reversed range or one over a year give the last 30 days through today, so a bad link still
 * shows a page. The previous period is the same number of days just before, for the trend.
 */
export function readFeatureRange(params: { from?: string; to?: string }, now: Date, timeZone: string): FeatureRange {
  const chosen = realDate(params.from) && realDate(params.to) && params.from <= params.to && daysBetween(params.from, params.to) <= MAX_DAYS;
  const throughDay = chosen ? params.to! : localToday(now, timeZone);
  const fromDay = chosen ? params.from! : addDays(throughDay, -(DEFAULT_FEATURE_DAYS - 1));
  const days = daysBetween(fromDay, throughDay);
  const previousFromDay = addDays(fromDay, -days);
  return {
    fromDay,
    throughDay,
    days,
    from: localMidnight(fromDay, timeZone),
    to: localMidnight(addDays(throughDay, 1), timeZone),
    previousFromDay,
    previousThroughDay: addDays(fromDay, -1),
    previousFrom: localMidnight(previousFromDay, timeZone),
    isDefault: !chosen,
  };
}

/** The query string that keeps a chosen range across links (empty for the default range). */
export function featureRangeSearch(range: FeatureRange): string {
  return range.isDefault ? "" : `?${new URLSearchParams({ from: range.fromDay, to: range.throughDay })}`;
}

/** Every local date of the range, in order. */
export function rangeDates(range: Pick<FeatureRange, "fromDay" | "days">): string[] {
  return Array.from({ length: range.days }, (_, i) => addDays(range.fromDay, i));
}
