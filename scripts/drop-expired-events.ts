// `tsx --conditions=react-server scripts/drop-expired-events.ts`: applies the raw-event retention
// (MARGINAL_EVENT_RETENTION_MONTHS) to the configured database now, as the server's hourly worker
// does, and prints the months dropped. Roll-ups, runs and costs are kept.
import { getConnection } from "@/lib/db";
import { dropExpiredEventMonths } from "@/lib/partitions/drop-expired-event-months";
import { EVENT_RETENTION_ENV, readEventRetentionMonths } from "@/lib/partitions/event-retention";

async function main(): Promise<void> {
  const retentionMonths = readEventRetentionMonths();
  if (retentionMonths === null) {
    console.log(`${EVENT_RETENTION_ENV} is not set: every raw event is kept, nothing to drop.`);
    return;
  }
  try {
    const dropped = await dropExpiredEventMonths({ retentionMonths });
    const months = dropped.map((month) => month.toISOString().slice(0, 7));
    console.log(months.length ? `Dropped the raw events of ${months.join(", ")}.` : `Nothing older than ${retentionMonths} months before this one.`);
  } finally {
    await getConnection().close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
