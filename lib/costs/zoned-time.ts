/** A wall-clock time: what a clock in some time zone shows, without the zone. */
export type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a clock in this time zone shows at this instant. */
export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second, millisecond: instant.getUTCMilliseconds() };
}

function wallAsUtcMs(wall: WallTime): number {
  const ms = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  // Date.UTC maps years 0–99 to 1900–1999; set the year explicitly.
  const date = new Date(ms);
  date.setUTCFullYear(wall.year);
  return date.getTime();
}

/** The zone's offset from UTC at this instant, in milliseconds (New York in winter: −5 h). */
export function offsetMsAt(instant: Date, timeZone: string): number {
  return wallAsUtcMs(wallTimeAt(instant, timeZone)) - instant.getTime();
}

/**
 * The instant a wall-clock time in this zone names. A time that a DST change skips or repeats
 * resolves to a neighbouring valid instant; range bounds are nearly always midnights, where few
 * zones change.
 */
export function instantOfWallTime(wall: WallTime, timeZone: string): Date {
  const asUtc = wallAsUtcMs(wall);
  const firstOffset = offsetMsAt(new Date(asUtc), timeZone);
  let instant = asUtc - firstOffset;
  const secondOffset = offsetMsAt(new Date(instant), timeZone);
  if (secondOffset !== firstOffset) instant = asUtc - secondOffset;
  return new Date(instant);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A wall time as ISO text, `YYYY-MM-DDTHH:mm:ss` (milliseconds only when not zero). */
export function formatWallTime(wall: WallTime): string {
  const base = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
  return wall.millisecond ? `${base}.${pad(wall.millisecond, 3)}` : base;
}

/** An offset as ISO text: `Z` for UTC, else `±HH:MM`. */
export function formatOffset(offsetMs: number): string {
  if (offsetMs === 0) return "Z";
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${offsetMs < 0 ? "-" : "+"}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** An instant as ISO text in the zone's local time with its offset (`2026-10-05T00:00:00-04:00`, or `…Z` in UTC). */
export function formatInstantInZone(instant: Date, timeZone: string): string {
  return formatWallTime(wallTimeAt(instant, timeZone)) + formatOffset(offsetMsAt(instant, timeZone));
}

/** An instant as FOCUS wants date/times: UTC, `YYYY-MM-DDTHH:mm:ssZ`. */
export function formatFocusDateTime(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z");
}
