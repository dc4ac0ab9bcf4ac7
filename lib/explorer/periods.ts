import type { Granularity } from "@/lib/costs/schemas";
import { formatInstantInZone, instantOfWallTime, wallTimeAt, type WallTime } from "@/lib/costs/zoned-time";

const HOUR_MS = 3_600_000;
/** Enough periods for any allowed range (hour: 31 days = 744); a guard, not a rule. */
const MAX_PERIODS = 5_000;

function startOf(wall: WallTime, granularity: Granularity): WallTime {
  const base = { ...wall, minute: 0, second: 0, millisecond: 0 };
  if (granularity === "hour") return base;
  const day = { ...base, hour: 0 };
  if (granularity === "day") return day;
  if (granularity === "month") return { ...day, day: 1 };
  // Monday weeks, as date_trunc('week') does.
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day));
  const back = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - back);
  return { ...day, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function nextWall(wall: WallTime, granularity: "day" | "week" | "month"): WallTime {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  if (granularity === "day") date.setUTCDate(date.getUTCDate() + 1);
  else if (granularity === "week") date.setUTCDate(date.getUTCDate() + 7);
  else date.setUTCMonth(date.getUTCMonth() + 1);
  return { ...wall, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * Every period start in [from, to) in the organization's time zone, as the API writes periods
 * (`2026-10-05T00:00:00-04:00`): the first is the period that holds `from`.
 */
export function periodStarts(from: string, to: string, granularity: Granularity, timeZone: string): string[] {
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  if (Number.isNaN(fromMs) || Number.isNaN(toMs) || fromMs >= toMs) return [];
  const out: string[] = [];
  if (granularity === "hour") {
    // Local hours are whole UTC hours in every zone with whole-hour offsets; step by instants.
    let ms = instantOfWallTime(startOf(wallTimeAt(new Date(fromMs), timeZone), "hour"), timeZone).getTime();
    while (ms < toMs && out.length < MAX_PERIODS) {
      out.push(formatInstantInZone(new Date(ms), timeZone));
      ms += HOUR_MS;
    }
    return out;
  }
  let wall = startOf(wallTimeAt(new Date(fromMs), timeZone), granularity);
  for (let instant = instantOfWallTime(wall, timeZone); instant.getTime() < toMs && out.length < MAX_PERIODS; instant = instantOfWallTime(wall, timeZone)) {
    out.push(formatInstantInZone(instant, timeZone));
    wall = nextWall(wall, granularity);
  }
  return out;
}

const labelFormats = new Map<string, Intl.DateTimeFormat>();

function formatterFor(granularity: Granularity, timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${granularity}|${timeZone}|${withYear}`;
  let format = labelFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      granularity === "month"
        ? { month: "short", year: "numeric" }
        : granularity === "hour"
          ? { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", ...(withYear ? { year: "numeric" } : {}) }
          : { month: "short", day: "numeric", ...(withYear ? { year: "numeric" } : {}) };
    format = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
    labelFormats.set(key, format);
  }
  return format;
}

/**
 * A period start as people read it in the organization's zone: `Nov 3, 14:00` (hour), `Nov 3`
 * (day), `Week of Nov 3` (week), `Nov 2026` (month); with the year when the range spans years.
 */
export function formatPeriodLabel(period: string, granularity: Granularity, timeZone: string, withYear = false): string {
  const text = formatterFor(granularity, timeZone, withYear).format(new Date(Date.parse(period)));
  return granularity === "week" ? `Week of ${text}` : text;
}
