/** The schema that holds Event's monthly partitions, apart from the datasource's own tables. */
export const EVENT_PARTITION_SCHEMA = "event_partitions";

const PARTITION_NAME = /^Event_(\d{4})_(\d{2})$/;

/** The first instant of the UTC month that holds `date`. */
export function utcMonthStart(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

/** The start of the UTC month `count` months after (or, negative, before) the month that holds `date`. */
export function addUtcMonths(date: Date, count: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + count, 1));
}

/** The distinct UTC months of some timestamps, as month starts in ascending order. */
export function utcMonthsOf(timestamps: Iterable<Date>): Date[] {
  const starts = new Set<number>();
  for (const timestamp of timestamps) starts.add(Date.UTC(timestamp.getUTCFullYear(), timestamp.getUTCMonth(), 1));
  return [...starts].sort((a, b) => a - b).map((start) => new Date(start));
}

/** The partition's table name for a month, e.g. `Event_2026_10` (the migration names them alike). */
export function eventPartitionName(monthStart: Date): string {
  return `Event_${monthStart.getUTCFullYear()}_${String(monthStart.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The month a partition's table name stands for, or null for a name this project did not make. */
export function monthOfEventPartition(name: string): Date | null {
  const match = PARTITION_NAME.exec(name);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? new Date(Date.UTC(Number(match[1]), month - 1, 1)) : null;
}
