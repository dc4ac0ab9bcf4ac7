import type { Prisma } from "@/lib/db/generated/client";

// Recomputes an organization's hourly roll-ups from its events, bucketed by local hours of
// `timeZone`. Used when the organization's time zone changes, since its hours then move.
const REBUILD_SQL = `
WITH cleared AS (DELETE FROM "CostRollupHourly" WHERE "orgId" = $1 RETURNING 1)
INSERT INTO "CostRollupHourly" ("orgId", "hour", "feature", "team", "customer", "environment", "provider", "model", "workflow",
  "events", "inputTokens", "outputTokens", "cachedInputTokens", "cacheWriteTokens", "reasoningTokens", "unpricedEvents", "costUsd")
SELECT $1, date_trunc('hour', "timestamp", $2), coalesce("feature", ''), coalesce("team", ''), coalesce("customer", ''),
  coalesce("environment", ''), "provider", "model", coalesce("workflow", ''),
  count(*), sum("inputTokens"), sum("outputTokens"), sum("cachedInputTokens"), sum("cacheWriteTokens"), sum("reasoningTokens"),
  count(*) FILTER (WHERE "costSource" = 'unpriced'), sum("costUsd")
FROM "Event" WHERE "orgId" = $1 AND (SELECT count(*) FROM cleared) >= 0
GROUP BY 2, 3, 4, 5, 6, 7, 8, 9`;

/** Rebuilds the organization's roll-ups from its events in the caller's transaction. */
export async function rebuildRollups(tx: Prisma.TransactionClient, orgId: string, timeZone: string): Promise<number> {
  return tx.$executeRawUnsafe(REBUILD_SQL, orgId, timeZone);
}
