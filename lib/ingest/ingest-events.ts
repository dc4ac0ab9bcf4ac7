import { queryRaw } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { AppError } from "@/lib/errors/app-error";
import { utcMonthsOf } from "@/lib/partitions/event-months";
import { ensureEventPartitions, forgetKnownEventPartitions } from "@/lib/partitions/ensure-event-partitions";
import { readRetentionWindow, tooOldMessage } from "@/lib/partitions/event-retention";
import { getOrgPricer } from "./org-pricer";
import type { NormalizedEvent } from "./schemas";
import { WRITE_EVENTS_SQL, writeEventsParams, type StoredPrice } from "./write-events-sql";

/** What a stored batch came to: events newly stored, and those already there (same id). */
export type IngestResult = { accepted: number; duplicates: number };

const RETRYABLE = /40P01|40001|deadlock detected|could not serialize/i;
// A month's partition went missing after this process cached it (dropped elsewhere by retention).
const MISSING_PARTITION = /no partition of relation/i;

/**
 * Prices and stores a batch of valid events with their roll-ups and runs in one statement:
 * all or nothing. Events whose id the organization already has are counted, not stored again.
 */
export async function ingestEvents(ctx: OrgContext, batch: readonly NormalizedEvent[]): Promise<IngestResult> {
  authorizeOrThrow(ctx, "ingest");
  if (batch.length === 0) return { accepted: 0, duplicates: 0 };
  // A batch that repeats an id stores its first event once; the repeats count as duplicates.
  const events = firstOfEachId(batch);
  const pricer = await getOrgPricer(ctx.orgId);
  const prices = events.map((e): StoredPrice => {
    if (e.reportedCostUsd !== null) return { costUsd: e.reportedCostUsd, costSource: "reported", priceKey: null };
    const price = pricer.priceEvent(e);
    return { costUsd: price.costUsd, costSource: price.source, priceKey: price.priceKey };
  });
  const params = writeEventsParams(ctx.orgId, ctx.timeZone, events, prices);
  const months = utcMonthsOf(events.map((e) => e.timestamp));
  assertWithinRetention(months[0]);
  await ensureEventPartitions(months);
  // Concurrent batches touching the same roll-up rows can deadlock despite ordered writes;
  // the statement is atomic, so running it again is safe.
  for (let attempt = 1; ; attempt++) {
    try {
      const [row] = await queryRaw<{ inserted: number }>(WRITE_EVENTS_SQL, params);
      return { accepted: row.inserted, duplicates: batch.length - row.inserted };
    } catch (error) {
      const message = String((error as Error)?.message ?? error);
      if (attempt >= 4 || !(RETRYABLE.test(message) || MISSING_PARTITION.test(message))) throw error;
      if (MISSING_PARTITION.test(message)) {
        forgetKnownEventPartitions(months);
        // Retention may have dropped the month since validation: refuse (400), never re-create it.
        assertWithinRetention(months[0]);
        await ensureEventPartitions(months);
      }
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}

function firstOfEachId(events: readonly NormalizedEvent[]): readonly NormalizedEvent[] {
  const seen = new Set<string>();
  const first = events.filter((e) => !seen.has(e.id) && seen.add(e.id));
  return first.length === events.length ? events : first;
}

// validateEvents rejects old events one by one; this catches a batch that reaches the database
// after retention moved on (or a caller that skipped validation), before a dropped month is re-created.
function assertWithinRetention(earliestMonth: Date): void {
  const retention = readRetentionWindow(new Date());
  if (!retention || earliestMonth >= retention.oldest) return;
  const message = tooOldMessage(retention);
  throw new AppError("INVALID_INPUT", message, { issues: [{ path: "timestamp", message }] });
}
