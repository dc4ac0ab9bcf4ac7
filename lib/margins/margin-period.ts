import { instantOfWallTime, wallTimeAt } from "@/lib/costs/zoned-time";
import { AppError } from "@/lib/errors/app-error";

/** A calendar month or quarter of the organization, resolved to instants in its time zone. */
export type MarginPeriod = {
  /** The label as the API takes it: `2026-10` or `2026-Q4`. */
  period: string;
  kind: "month" | "quarter";
  /** Local midnight of the first day, in the organization's zone. */
  from: Date;
  /** Exclusive: local midnight of the first day after the period. */
  to: Date;
  /** The months inside, `YYYY-MM`, oldest first. */
  months: string[];
  /** The label of the period just before, of the same kind. */
  previous: string;
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const pad = (n: number) => String(n).padStart(2, "0");

// Months are counted from year 0 so stepping across a year boundary is one subtraction.
const monthLabel = (index: number) => `${String(Math.floor(index / 12)).padStart(4, "0")}-${pad((index % 12) + 1)}`;

function localMidnightOfMonth(index: number, timeZone: string): Date {
  return instantOfWallTime({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

function resolve(firstMonth: number, count: number, kind: MarginPeriod["kind"], period: string, previous: string, timeZone: string): MarginPeriod {
  const months = Array.from({ length: count }, (_, i) => monthLabel(firstMonth + i));
  return { period, kind, from: localMidnightOfMonth(firstMonth, timeZone), to: localMidnightOfMonth(firstMonth + count, timeZone), months, previous };
}

/**
 * Reads `2026-10` (a month) or `2026-Q4` (a quarter) in the organization's time zone; anything
 * else is INVALID_INPUT naming `period`.
 */
export function parseMarginPeriod(text: string, timeZone: string): MarginPeriod {
  const trimmed = text.trim().toUpperCase();
  const month = MONTH.exec(trimmed);
  if (month) {
    const index = Number(month[1]) * 12 + Number(month[2]) - 1;
    return resolve(index, 1, "month", monthLabel(index), monthLabel(index - 1), timeZone);
  }
  const quarter = QUARTER.exec(trimmed);
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    const previous = q === 1 ? `${String(year - 1).padStart(4, "0")}-Q4` : `${quarter[1]}-Q${q - 1}`;
    return resolve(year * 12 + (q - 1) * 3, 3, "quarter", `${quarter[1]}-Q${q}`, previous, timeZone);
  }
  const message = "must be a month like 2026-10 or a quarter like 2026-Q4";
  throw new AppError("INVALID_INPUT", `Invalid input: period: ${message}`, { issues: [{ path: "period", message }] });
}

/** The last full month before the one that holds `now` in the organization's zone, as `YYYY-MM`. */
export function defaultMarginPeriod(now: Date, timeZone: string): string {
  const wall = wallTimeAt(now, timeZone);
  return monthLabel(wall.year * 12 + wall.month - 2);
}

/** The month that holds `now` in the organization's zone, as `YYYY-MM`. */
export function currentMonth(now: Date, timeZone: string): string {
  const wall = wallTimeAt(now, timeZone);
  return monthLabel(wall.year * 12 + wall.month - 1);
}

/** The quarter label (`2026-Q4`) that holds a month label (`2026-11`). */
export function quarterOfMonth(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Recent periods for a picker, newest first: `count` months ending with `lastMonth`, and the quarters they touch. */
export function recentMarginPeriods(lastMonth: string, count: number): { months: string[]; quarters: string[] } {
  const last = Number(lastMonth.slice(0, 4)) * 12 + Number(lastMonth.slice(5, 7)) - 1;
  const months = Array.from({ length: count }, (_, i) => monthLabel(last - i));
  return { months, quarters: [...new Set(months.map(quarterOfMonth))] };
}
