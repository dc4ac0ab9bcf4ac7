import { wallTimeAt } from "@/lib/costs/zoned-time";
import { localMidnight } from "@/lib/budgets/budget-period";
import { AppError } from "@/lib/errors/app-error";
import { addDays } from "@/lib/overview/overview-periods";

/** One review week: Monday to the next Monday in the organization's calendar (SPEC 1: weeks start on Monday). */
export type ReviewWeek = {
  /** ISO 8601 week, `2026-W47`: what `?week=` carries. */
  label: string;
  isoYear: number;
  isoWeek: number;
  /** Local date of the Monday, `YYYY-MM-DD`. */
  startDate: string;
  /** Local date of the Sunday (the week's last day). */
  lastDate: string;
  /** Local midnight starting the Monday, and the next Monday's (exclusive). */
  start: Date;
  end: Date;
};

const DAY_MS = 86_400_000;
const ISO_WEEK = /^(\d{4})-?W(\d{1,2})$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, "0");

const utcDay = (date: string) => Date.parse(`${date}T00:00:00Z`);
/** 0 = Monday … 6 = Sunday. */
const weekdayOf = (date: string) => (new Date(utcDay(date)).getUTCDay() + 6) % 7;

function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const ms = utcDay(text);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** The ISO year and week number of a calendar date: the week belongs to the year of its Thursday. */
export function isoWeekOfDate(date: string): { isoYear: number; isoWeek: number } {
  const thursday = addDays(date, 3 - weekdayOf(date));
  const isoYear = Number(thursday.slice(0, 4));
  const dayOfYear = Math.round((utcDay(thursday) - Date.UTC(isoYear, 0, 1)) / DAY_MS);
  return { isoYear, isoWeek: Math.floor(dayOfYear / 7) + 1 };
}

/** The Monday of an ISO week, or null when the year has no such week (only some years have a W53). */
export function mondayOfIsoWeek(isoYear: number, isoWeek: number): string | null {
  if (isoWeek < 1 || isoWeek > 53) return null;
  // 4 January is always in week 1.
  const jan4 = `${isoYear}-01-04`;
  const monday = addDays(addDays(jan4, -weekdayOf(jan4)), (isoWeek - 1) * 7);
  const back = isoWeekOfDate(monday);
  return back.isoYear === isoYear && back.isoWeek === isoWeek ? monday : null;
}

/** The review week holding a local calendar date. */
export function weekOfDate(date: string, timeZone: string): ReviewWeek {
  const startDate = addDays(date, -weekdayOf(date));
  const { isoYear, isoWeek } = isoWeekOfDate(startDate);
  return {
    label: `${isoYear}-W${pad(isoWeek)}`,
    isoYear,
    isoWeek,
    startDate,
    lastDate: addDays(startDate, 6),
    start: localMidnight(startDate, timeZone),
    end: localMidnight(addDays(startDate, 7), timeZone),
  };
}

/** The local date `YYYY-MM-DD` at an instant in the zone. */
export function localDateAt(instant: Date, timeZone: string): string {
  const wall = wallTimeAt(instant, timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/**
 * Reads `?week=`: an ISO week (`2026-W47`) or any date in the week (`2026-11-18`), in the
 * organization's zone; empty means the week holding `now`. Anything else is INVALID_INPUT naming `week`.
 */
export function parseReviewWeek(input: string | null | undefined, timeZone: string, now: Date = new Date()): ReviewWeek {
  const text = input?.trim() ?? "";
  if (text === "") return weekOfDate(localDateAt(now, timeZone), timeZone);
  const iso = ISO_WEEK.exec(text);
  if (iso) {
    const monday = mondayOfIsoWeek(Number(iso[1]), Number(iso[2]));
    if (monday) return weekOfDate(monday, timeZone);
  } else if (isRealDate(text)) {
    return weekOfDate(text, timeZone);
  }
  throw new AppError("INVALID_INPUT", "Invalid input: week: must be an ISO week (2026-W47) or a date (2026-11-18)", {
    issues: [{ path: "week", message: "must be an ISO week (2026-W47) or a date (2026-11-18)" }],
  });
}

/** The week before. */
export function previousWeek(week: ReviewWeek, timeZone: string): ReviewWeek {
  return weekOfDate(addDays(week.startDate, -7), timeZone);
}

/** The week after. */
export function nextWeek(week: ReviewWeek, timeZone: string): ReviewWeek {
  return weekOfDate(addDays(week.startDate, 7), timeZone);
}

/** Where a week stands against `now`: already over, running, or still to come. */
export function weekTense(week: ReviewWeek, now: Date = new Date()): "past" | "current" | "future" {
  if (now.getTime() >= week.end.getTime()) return "past";
  return now.getTime() >= week.start.getTime() ? "current" : "future";
}
