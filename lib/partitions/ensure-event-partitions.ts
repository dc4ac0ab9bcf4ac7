import { queryRaw } from "@/lib/db";
import { addUtcMonths, EVENT_PARTITION_SCHEMA, eventPartitionName } from "./event-months";

/** One statement through the driver; tests and scripts may pass their own connection's. */
export type RunSql = (text: string, params: unknown[]) => Promise<unknown[]>;

// Creating a partition and dropping one take this transaction-scoped lock, so two servers never
// race on the same CREATE TABLE (IF NOT EXISTS alone still fails on the catalog's unique index then).
export const TAKE_EVENT_PARTITION_LOCK = `PERFORM pg_advisory_xact_lock(hashtext('marginal.event_partitions'));`;

// Months this process has seen a partition for: the common case costs no round trip at all.
// A month dropped by retention elsewhere is caught by ingest's retry on "no partition" (ingest-events.ts).
const knownMonths = new Set<number>();

/**
 * The one statement (hence one transaction) that creates the missing partitions of some months
 * under the advisory lock. The bounds are built from integers here, never from input.
 */
export function createEventPartitionsSql(monthStarts: readonly Date[]): string {
  const creates = monthStarts.map((start) => {
    const from = start.toISOString();
    const to = addUtcMonths(start, 1).toISOString();
    return `CREATE TABLE IF NOT EXISTS "${EVENT_PARTITION_SCHEMA}"."${eventPartitionName(start)}" PARTITION OF "Event" FOR VALUES FROM ('${from}') TO ('${to}');`;
  });
  return `DO $$ BEGIN ${TAKE_EVENT_PARTITION_LOCK} ${creates.join(" ")} END $$`;
}

/** Makes sure Event has a partition for each of these UTC months (month starts), creating what is missing. */
export async function ensureEventPartitions(monthStarts: readonly Date[], runSql: RunSql = queryRaw): Promise<void> {
  const missing = monthStarts.filter((start) => !knownMonths.has(start.getTime()));
  if (missing.length === 0) return;
  await runSql(createEventPartitionsSql(missing), []);
  for (const start of missing) knownMonths.add(start.getTime());
}

/** Forgets the months this process knew, so the next batch checks them again (after a drop, or a failed insert). */
export function forgetKnownEventPartitions(monthStarts?: readonly Date[]): void {
  if (!monthStarts) return knownMonths.clear();
  for (const start of monthStarts) knownMonths.delete(start.getTime());
}
