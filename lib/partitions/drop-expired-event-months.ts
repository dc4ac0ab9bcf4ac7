import { queryRaw } from "@/lib/db";
import { addUtcMonths, EVENT_PARTITION_SCHEMA, eventPartitionName, monthOfEventPartition } from "./event-months";
import { forgetKnownEventPartitions, TAKE_EVENT_PARTITION_LOCK, type RunSql } from "./ensure-event-partitions";
import { oldestRetainedMonth } from "./event-retention";

// Event's attached partitions in their schema; only names this project makes are ever dropped.
const LIST_PARTITIONS_SQL = `
SELECT c.relname AS name
FROM pg_inherits i
JOIN pg_class c ON c.oid = i.inhrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE i.inhparent = '"Event"'::regclass AND n.nspname = '${EVENT_PARTITION_SCHEMA}'`;

/**
 * Drops the whole UTC months of raw events older than the retention window, for every
 * organization at once, with their keys (so EventKey only ever holds stored events). Roll-ups,
 * runs and costs stay: pages read ranges from the roll-ups. Returns the months dropped (month starts).
 */
export async function dropExpiredEventMonths(options: { now?: Date; retentionMonths: number | null; runSql?: RunSql }): Promise<Date[]> {
  const oldest = oldestRetainedMonth(options.now ?? new Date(), options.retentionMonths);
  if (oldest === null) return [];
  const runSql = options.runSql ?? queryRaw;
  const rows = (await runSql(LIST_PARTITIONS_SQL, [])) as { name: string }[];
  const expired = rows
    .map((row) => monthOfEventPartition(row.name))
    .filter((month): month is Date => month !== null && month < oldest)
    .sort((a, b) => a.getTime() - b.getTime());
  for (const month of expired) {
    // One month per statement (one transaction): keys and rows go together or not at all.
    await runSql(dropEventMonthSql(month), []);
    forgetKnownEventPartitions([month]);
  }
  return expired;
}

// The keys of the month, by their BRIN-indexed timestamp, then the partition itself (a catalog
// change, not a row-by-row delete). Bounds are built from integers here, never from input.
function dropEventMonthSql(month: Date): string {
  const from = month.toISOString();
  const to = addUtcMonths(month, 1).toISOString();
  return `DO $$ BEGIN ${TAKE_EVENT_PARTITION_LOCK}
    DELETE FROM "EventKey" WHERE "timestamp" >= '${from}' AND "timestamp" < '${to}';
    DROP TABLE "${EVENT_PARTITION_SCHEMA}"."${eventPartitionName(month)}"; END $$`;
}
