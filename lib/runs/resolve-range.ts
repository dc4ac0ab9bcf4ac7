import { DEFAULT_RANGE_DAYS } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A parsed `from`/`to` as dates: `to` defaults to now, `from` to 30 days before `to`. */
export function resolveRange(range: { from?: string; to?: string }, now: Date = new Date()): { from: Date; to: Date } {
  const to = range.to ? new Date(range.to) : now;
  const from = range.from ? new Date(range.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  return { from, to };
}
