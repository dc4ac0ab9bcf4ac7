import { db, Prisma } from "@/lib/db";
import type { OrgContext } from "@/lib/auth/org-context";
import { forgetOrgPricer, getOrgPricer } from "@/lib/ingest/org-pricer";

// Changes stored costs by the difference between new and old prices, and adds the same
// differences to the roll-ups and runs in the same statement. Deltas commute with concurrent
// ingestion, so nothing needs locking or rebuilding; the `costUsd = old_cost` guard skips an
// event whose cost changed since it was read, keeping every delta exact.
const REPRICE_SQL = `
WITH input AS (
  SELECT * FROM unnest($2::text[], $3::numeric[], $4::numeric[], $5::text[], $6::text[], $7::text[], $9::timestamptz[])
    AS t(id, old_cost, new_cost, old_source, new_source, price_key, ts)
),
upd AS (
  UPDATE "Event" e SET "costUsd" = i.new_cost, "costSource" = i.new_source, "priceKey" = i.price_key
  FROM input i
  -- The timestamp finds the event's monthly partition (lib/partitions) instead of probing every month.
  WHERE e."orgId" = $1 AND e."id" = i.id AND e."timestamp" = i.ts AND e."costUsd" = i.old_cost AND e."costSource" = i.old_source
  RETURNING e."timestamp", e."feature", e."team", e."customer", e."environment", e."provider", e."model", e."workflow", e."runId",
    i.new_cost - i.old_cost AS delta,
    (CASE WHEN i.new_source = 'unpriced' THEN 1 ELSE 0 END) - (CASE WHEN i.old_source = 'unpriced' THEN 1 ELSE 0 END) AS unpriced
),
rollup AS (
  UPDATE "CostRollupHourly" r SET "costUsd" = r."costUsd" + d.delta, "unpricedEvents" = r."unpricedEvents" + d.unpriced
  FROM (
    SELECT date_trunc('hour', "timestamp", $8) AS hour, coalesce("feature", '') AS feature, coalesce("team", '') AS team,
      coalesce("customer", '') AS customer, coalesce("environment", '') AS environment, "provider", "model",
      coalesce("workflow", '') AS workflow, sum(delta) AS delta, sum(unpriced) AS unpriced
    FROM upd GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ) d
  WHERE r."orgId" = $1 AND r."hour" = d.hour AND r."feature" = d.feature AND r."team" = d.team AND r."customer" = d.customer
    AND r."environment" = d.environment AND r."provider" = d.provider AND r."model" = d.model AND r."workflow" = d.workflow
  RETURNING 1
),
daily AS (
  UPDATE "CostRollupDaily" r SET "costUsd" = r."costUsd" + d.delta, "unpricedEvents" = r."unpricedEvents" + d.unpriced
  FROM (
    SELECT date_trunc('day', "timestamp", $8) AS day, coalesce("feature", '') AS feature, coalesce("team", '') AS team,
      coalesce("customer", '') AS customer, coalesce("environment", '') AS environment, "provider", "model",
      coalesce("workflow", '') AS workflow, sum(delta) AS delta, sum(unpriced) AS unpriced
    FROM upd GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ) d
  WHERE r."orgId" = $1 AND r."day" = d.day AND r."feature" = d.feature AND r."team" = d.team AND r."customer" = d.customer
    AND r."environment" = d.environment AND r."provider" = d.provider AND r."model" = d.model AND r."workflow" = d.workflow
  RETURNING 1
),
runs AS (
  UPDATE "Run" r SET "costUsd" = r."costUsd" + d.delta
  FROM (SELECT "runId", sum(delta) AS delta FROM upd WHERE "runId" IS NOT NULL GROUP BY 1) d
  WHERE r."orgId" = $1 AND r."runId" = d."runId"
  RETURNING 1
)
SELECT (SELECT count(*) FROM upd)::int AS updated, (SELECT coalesce(sum(delta), 0) FROM upd)::text AS delta,
  (SELECT count(*) FROM rollup)::int AS rollups, (SELECT count(*) FROM daily)::int AS daily_rollups, (SELECT count(*) FROM runs)::int AS runs`;

const CHUNK = 2000;

/** Which events to price again: a provider (and model), from a date, or only the unpriced ones. */
export type RepriceFilter = { provider?: string; model?: string | null; from?: Date | null; onlyUnpriced: boolean };

/** Prices matching computed or unpriced events again with the current prices; reported costs stay. */
export async function repriceEvents(ctx: OrgContext, filter: RepriceFilter): Promise<{ events: number; deltaUsd: string }> {
  forgetOrgPricer(ctx.orgId);
  const pricer = await getOrgPricer(ctx.orgId);
  let lastId = "";
  let events = 0;
  let delta = new Prisma.Decimal(0);
  for (;;) {
    const rows = await db.event.findMany({
      where: {
        orgId: ctx.orgId,
        id: { gt: lastId },
        ...(filter.provider ? { provider: filter.provider } : {}),
        ...(filter.model ? { model: filter.model } : {}),
        ...(filter.from ? { timestamp: { gte: filter.from } } : {}),
        costSource: filter.onlyUnpriced ? "unpriced" : { in: ["computed", "unpriced"] },
      },
      orderBy: { id: "asc" },
      take: CHUNK,
    });
    if (rows.length === 0) break;
    lastId = rows[rows.length - 1].id;
    const changed = rows.flatMap((row) => {
      const price = pricer.priceEvent({
        provider: row.provider,
        model: row.model,
        timestamp: row.timestamp,
        inputTokens: Number(row.inputTokens),
        outputTokens: Number(row.outputTokens),
        cachedInputTokens: Number(row.cachedInputTokens),
        cacheWriteTokens: Number(row.cacheWriteTokens),
        reasoningTokens: Number(row.reasoningTokens),
      });
      const same = row.costUsd.equals(price.costUsd) && row.costSource === price.source && row.priceKey === price.priceKey;
      return same ? [] : [{ id: row.id, timestamp: row.timestamp, oldCost: row.costUsd.toString(), newCost: price.costUsd, oldSource: row.costSource, newSource: price.source, priceKey: price.priceKey }];
    });
    if (changed.length > 0) {
      const [result] = await db.$queryRawUnsafe<{ updated: number; delta: string }[]>(
        REPRICE_SQL,
        ctx.orgId,
        changed.map((c) => c.id),
        changed.map((c) => c.oldCost),
        changed.map((c) => c.newCost),
        changed.map((c) => c.oldSource),
        changed.map((c) => c.newSource),
        changed.map((c) => c.priceKey),
        ctx.timeZone,
        changed.map((c) => c.timestamp.toISOString()),
      );
      events += result.updated;
      delta = delta.plus(result.delta);
    }
    if (rows.length < CHUNK) break;
  }
  return { events, deltaUsd: delta.toFixed() };
}
