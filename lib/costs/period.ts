import { formatOffset } from "./zoned-time";

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

function wallMs(text: string): number {
  const m = WALL.exec(text);
  if (!m) throw new Error(`Not a wall time: ${text}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/**
 * A period start as ISO text with the organization's offset, from the same instant's UTC and local
 * wall times as PostgreSQL gave them (`2026-10-05T04:00:00`, `2026-10-05T00:00:00` →
 * `2026-10-05T00:00:00-04:00`; `Z` in UTC), so the offset is the database's, not the runtime's.
 */
export function periodWithOffset(utcWall: string, localWall: string): string {
  return `${localWall}${formatOffset(wallMs(localWall) - wallMs(utcWall))}`;
}

/** A range bound as a file-name part: the local date, with `THHMM` when not midnight. */
export function fileNamePart(isoWithOffset: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(isoWithOffset);
  if (!m) return isoWithOffset.replace(/[^0-9A-Za-z-]/g, "");
  return m[2] === "00" && m[3] === "00" ? m[1] : `${m[1]}T${m[2]}${m[3]}`;
}
