import "server-only";
import { dropExpiredEventMonths } from "./drop-expired-event-months";
import { addUtcMonths, utcMonthStart } from "./event-months";
import { ensureEventPartitions, forgetKnownEventPartitions } from "./ensure-event-partitions";
import { readEventRetentionMonths } from "./event-retention";

/** Hourly is plenty: the work is monthly, and next month's partition is made a month ahead. */
export const EVENT_PARTITION_INTERVAL_MS = 60 * 60_000;

/**
 * One maintenance pass: creates this month's and next month's partitions ahead of the events (so
 * no ingest waits on a CREATE TABLE at midnight of the 1st), then applies the retention setting.
 */
export async function runEventPartitionPass(now: Date = new Date()): Promise<{ dropped: Date[] }> {
  const current = utcMonthStart(now);
  // Checked in the database each pass, not from this process's memory: retention elsewhere may have changed it.
  forgetKnownEventPartitions([current, addUtcMonths(current, 1)]);
  await ensureEventPartitions([current, addUtcMonths(current, 1)]);
  const dropped = await dropExpiredEventMonths({ now, retentionMonths: readEventRetentionMonths() });
  return { dropped };
}

const globalForWorker = globalThis as unknown as { marginalEventPartitionWorker?: { stop: () => Promise<void> } };

/**
 * Starts the partition and retention worker in this process: a pass now, then hourly, never two
 * at once. Idempotent per process; the timer is unref'd so it never keeps a process alive.
 */
export function startEventPartitionWorker(intervalMs: number = EVENT_PARTITION_INTERVAL_MS): { stop: () => Promise<void> } {
  if (globalForWorker.marginalEventPartitionWorker) return globalForWorker.marginalEventPartitionWorker;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = runEventPartitionPass()
      .then(({ dropped }) => {
        if (dropped.length > 0) console.warn(`Event retention dropped ${dropped.map((m) => m.toISOString().slice(0, 7)).join(", ")}`);
      })
      .catch((error: unknown) => console.error("Event partition pass failed", error))
      .finally(schedule);
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(run, intervalMs);
    timer.unref();
  };
  run();
  const worker = {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      if (globalForWorker.marginalEventPartitionWorker === worker) delete globalForWorker.marginalEventPartitionWorker;
    },
  };
  globalForWorker.marginalEventPartitionWorker = worker;
  return worker;
}
