import { instantOfWallTime, wallTimeAt } from "@/lib/costs/zoned-time";
import { addDays } from "@/lib/overview/overview-periods";
import type { BudgetPeriodKind } from "./schemas";

const DAY_MS = 86_400_000;

/** A budget's current period in the organization's zone, and the calendar facts its forecast needs. */
export type BudgetPeriod = {
  /** Local midnight starting the period (a Monday for weeks, the 1st for months and quarters). */
  start: Date;
  /** Local midnight starting the next period (exclusive). */
  end: Date;
  /** Local dates `YYYY-MM-DD` of the first and last day of the period. */
  startDate: string;
  lastDate: string;
  /** Today's local date. */
  today: string;
  /** Days left to the period's end, counting the rest of today as a fraction (wall-clock days). */
  daysLeft: number;
};

const pad = (n: number) => String(n).padStart(2, "0");
const dateText = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** The instant of local midnight starting a `YYYY-MM-DD` date in the zone. */
export function localMidnight(date: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  return instantOfWallTime({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The period of kind `period` that holds `now`, in `timeZone` (SPEC 1: weeks start on Monday;
 * quarters start in January, April, July and October). Bounds are local midnights, so a day is
 * 23 or 25 hours long across a DST change and the periods tile time without gaps or overlaps.
 */
export function budgetPeriod(now: Date, period: BudgetPeriodKind, timeZone: string): BudgetPeriod {
  const wall = wallTimeAt(now, timeZone);
  const today = dateText(wall.year, wall.month, wall.day);
  let startDate: string;
  let endDate: string;
  if (period === "day") {
    startDate = today;
    endDate = addDays(today, 1);
  } else if (period === "week") {
    const mondayOffset = (new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() + 6) % 7;
    startDate = addDays(today, -mondayOffset);
    endDate = addDays(startDate, 7);
  } else {
    const months = period === "month" ? 1 : 3;
    const firstMonth = period === "month" ? wall.month : Math.floor((wall.month - 1) / 3) * 3 + 1;
    const next = firstMonth - 1 + months;
    startDate = dateText(wall.year, firstMonth, 1);
    endDate = dateText(wall.year + Math.floor(next / 12), (next % 12) + 1, 1);
  }
  const elapsedToday = (wall.hour * 3600 + wall.minute * 60 + wall.second + wall.millisecond / 1000) / 86_400;
  return {
    start: localMidnight(startDate, timeZone),
    end: localMidnight(endDate, timeZone),
    startDate,
    lastDate: addDays(endDate, -1),
    today,
    daysLeft: daysBetween(today, endDate) - elapsedToday,
  };
}
