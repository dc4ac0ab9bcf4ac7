/** A `Retry-After` header (delay-seconds or an HTTP date) as milliseconds from now; null when absent or unreadable. */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number): number | null {
  if (header == null) return null;
  const value = header.trim();
  if (value === "") return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // HTTP dates always name the month; without this, Date.parse would read "-3" as a year.
  if (!/[a-z]{3}/i.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  // A date already past means "now", not a negative wait.
  return Math.max(0, at - nowMs);
}
