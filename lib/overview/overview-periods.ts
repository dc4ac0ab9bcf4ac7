import { instantOfWallTime, wallTimeAt } from "@/lib/costs/zoned-time";

const DAY_MS = 86_400_000;

/** The windows the overview compares, as instants, plus the local calendar facts the forecast needs. */
export type OverviewPeriods = {
  /** Local midnight of the 1st of the month that holds `now`. */
  monthStart: Date;
  /** Local midnight of the 1st of the next month (exclusive end of this month). */
  monthEnd: Date;
  /** Local midnight of the 1st of the previous month. */
  previousStart: Date;
  /** The same local day and time in the previous month, clipped to that month's end. */
  previousEnd: Date;
  /** Local midnight 59 days before today: the daily chart shows 60 local days. */
  dailyStart: Date;
  /** Today's local date, `YYYY-MM-DD`. */
  today: string;
  /** The local dates from `dailyStart` to today, oldest first. */
  dailyDates: string[];
  /** The local dates after today up to the month's last day. */
  restOfMonthDates: string[];
  /** Days left in the month from `now`, counting the rest of today as a fraction. */
  daysLeft: number;
};

export const CHART_DAYS = 60;

const pad = (n: number) => String(n).padStart(2, "0");
const dateText = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const midnight = (y: number, m: number, d: number, timeZone: string) =>
  instantOfWallTime({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);

/** Adds days to a `YYYY-MM-DD` date on the calendar (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const next = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return dateText(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/**
 * The overview's windows in the organization's zone. The previous period is the same number of
 * days of the previous month to the same local time (Nov 1–24 09:30 against Oct 1–24 09:30), so a
 * partial month is never compared with a whole one; on the 31st of a month after a 30-day month
 * it is the whole previous month.
 */
export function overviewPeriods(now: Date, timeZone: string): OverviewPeriods {
  const wall = wallTimeAt(now, timeZone);
  const prevYear = wall.month === 1 ? wall.year - 1 : wall.year;
  const prevMonth = wall.month === 1 ? 12 : wall.month - 1;
  const nextYear = wall.month === 12 ? wall.year + 1 : wall.year;
  const nextMonth = wall.month === 12 ? 1 : wall.month + 1;
  const monthStart = midnight(wall.year, wall.month, 1, timeZone);
  const previousEnd =
    wall.day > daysInMonth(prevYear, prevMonth)
      ? monthStart
      : instantOfWallTime({ ...wall, year: prevYear, month: prevMonth }, timeZone);
  const today = dateText(wall.year, wall.month, wall.day);
  const first = addDays(today, -(CHART_DAYS - 1));
  const [fy, fm, fd] = first.split("-").map(Number);
  const monthDays = daysInMonth(wall.year, wall.month);
  const elapsedToday = (wall.hour * 3600 + wall.minute * 60 + wall.second) / 86_400;
  return {
    monthStart,
    monthEnd: midnight(nextYear, nextMonth, 1, timeZone),
    previousStart: midnight(prevYear, prevMonth, 1, timeZone),
    previousEnd,
    dailyStart: midnight(fy, fm, fd, timeZone),
    today,
    dailyDates: Array.from({ length: CHART_DAYS }, (_, i) => addDays(first, i)),
    restOfMonthDates: Array.from({ length: monthDays - wall.day }, (_, i) => addDays(today, i + 1)),
    daysLeft: monthDays - wall.day + 1 - elapsedToday,
  };
}
