/** A date and time as people read it, in the organization's time zone. */
export function formatDateTime(value: Date | string | null | undefined, timeZone = "UTC"): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(value));
}

/** How long ago, roughly ("3 minutes ago"), for last-used columns. */
export function formatRelative(value: Date | string | null | undefined, now: Date = new Date()): string {
  if (!value) return "Never";
  const seconds = Math.round((now.getTime() - new Date(value).getTime()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [["day", 86400], ["hour", 3600], ["minute", 60]];
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(-Math.round(seconds / size), unit);
  return "Just now";
}
