import { instantOfWallTime, wallTimeAt } from "@/lib/costs/zoned-time";
import { addDays } from "@/lib/overview/overview-periods";
import { BASELINE_DAYS } from "./robust-baseline";

/** The days judged and the span of roll-ups that judging them reads. */
export type AnomalyWindow = {
  /** The local dates judged, oldest first; the last is today. */
  dates: string[];
  /** Local midnight 28 days before the first date judged. */
  from: Date;
  /** `now`: today is judged on its hours so far (a partial day can only be a spike by being big already). */
  to: Date;
};

const pad = (n: number) => String(n).padStart(2, "0");

/** A local date's midnight as an instant in the zone. */
export function localMidnight(date: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  return instantOfWallTime({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

/** The local date `YYYY-MM-DD` of an instant in the zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  const w = wallTimeAt(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** The last `days` local dates ending today, and the roll-up span they need with their baselines. */
export function anomalyWindow(now: Date, timeZone: string, days: number): AnomalyWindow {
  const today = localDateOf(now, timeZone);
  const dates = Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
  return { dates, from: localMidnight(addDays(dates[0], -BASELINE_DAYS), timeZone), to: now };
}

/** From the midnight of `first` to the midnight after `last`, local. */
export function localDateRange(first: string, last: string, timeZone: string): { from: Date; to: Date } {
  return { from: localMidnight(first, timeZone), to: localMidnight(addDays(last, 1), timeZone) };
}
