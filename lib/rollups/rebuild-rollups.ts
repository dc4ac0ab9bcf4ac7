import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Builds an organization's hourly roll-ups from its stored events ($1 org id, $2 time zone),
 * bucketed by local hours exactly as the ingest statement does. Used after bulk loads and when
 * the organization's time zone changes.
 */
export const INSERT_ROLLUPS_FROM_EVENTS_SQL = `
INSERT INTO "CostRollupHourly" ("orgId", "hour", "feature", "team", "customer", "environment", "provider", "model", "workflow",
  "events", "inputTokens", "outputTokens", "cachedInputTokens", "cacheWriteTokens", "reasoningTokens", "unpricedEvents", "costUsd")
SELECT $1, date_trunc('hour', "timestamp", $2), coalesce("feature", ''), coalesce("team", ''), coalesce("customer", ''),
  coalesce("environment", ''), "provider", "model", coalesce("workflow", ''),
  count(*), sum("inputTokens"), sum("outputTokens"), sum("cachedInputTokens"), sum("cacheWriteTokens"), sum("reasoningTokens"),
  count(*) FILTER (WHERE "costSource" = 'unpriced'), sum("costUsd")
FROM "Event" WHERE "orgId" = $1
GROUP BY 2, 3, 4, 5, 6, 7, 8, 9`;

/** Builds an organization's daily roll-ups from its hourly ones ($1 org id, $2 time zone): local days are sums of local hours. */
export const INSERT_DAILY_FROM_HOURLY_SQL = `
INSERT INTO "CostRollupDaily" ("orgId", "day", "feature", "team", "customer", "environment", "provider", "model", "workflow",
  "events", "inputTokens", "outputTokens", "cachedInputTokens", "cacheWriteTokens", "reasoningTokens", "unpricedEvents", "costUsd")
SELECT $1, date_trunc('day', "hour", $2), "feature", "team", "customer", "environment", "provider", "model", "workflow",
  sum("events"), sum("inputTokens"), sum("outputTokens"), sum("cachedInputTokens"), sum("cacheWriteTokens"), sum("reasoningTokens"),
  sum("unpricedEvents"), sum("costUsd")
FROM "CostRollupHourly" WHERE "orgId" = $1
GROUP BY 2, 3, 4, 5, 6, 7, 8, 9`;

// True when some hourly roll-up is older than the organization's oldest stored event ($1 org id,
// $2 the time zone the roll-ups are in): retention dropped those events, so only the roll-ups hold them.
const ROLLUPS_OUTLIVE_EVENTS_SQL = `
SELECT EXISTS (
  SELECT 1 FROM "CostRollupHourly"
  WHERE "orgId" = $1 AND "hour" < coalesce((SELECT date_trunc('hour', min("timestamp"), $2) FROM "Event" WHERE "orgId" = $1), 'infinity')
) AS outlive`;

/**
 * Rebuilds the organization's hourly and daily roll-ups from its events in the caller's transaction
 * (`previousTimeZone`: the zone they are in now). Refuses (CONFLICT) when retention has dropped raw
 * events the roll-ups still count: a rebuild would lose those months.
 */
export async function rebuildRollups(tx: Prisma.TransactionClient, orgId: string, timeZone: string, previousTimeZone: string): Promise<number> {
  const [{ outlive }] = await tx.$queryRawUnsafe<{ outlive: boolean }[]>(ROLLUPS_OUTLIVE_EVENTS_SQL, orgId, previousTimeZone);
  if (outlive) {
    throw new AppError(
      "CONFLICT",
      "The time zone cannot change any more: older months' raw events were dropped by retention (MARGINAL_EVENT_RETENTION_MONTHS), so their hours could not be re-counted in the new zone.",
    );
  }
  await tx.costRollupHourly.deleteMany({ where: { orgId } });
  await tx.costRollupDaily.deleteMany({ where: { orgId } });
  const hours = await tx.$executeRawUnsafe(INSERT_ROLLUPS_FROM_EVENTS_SQL, orgId, timeZone);
  await tx.$executeRawUnsafe(INSERT_DAILY_FROM_HOURLY_SQL, orgId, timeZone);
  return hours;
}
