// The properties both suites end on (SPEC 2.1 and 11): what the clients were told is stored is
// stored, once, and nothing else is; the hourly and daily roll-ups and the runs are exact sums of the
// raw events. Queries name only columns of "Event", never its physical layout (it may be partitioned).
import type pg from "pg";
import { DAILY_ROLLUP_MISMATCHES_SQL } from "../../lib/test/daily-rollup-mismatches-sql";
import { fmt } from "../bench/harness";
import type { WireStats } from "./clients";

export type Check = { name: string; ok: boolean; detail: string };

const ID_CHUNK = 50_000;

/** Ids of `ids` the organization has no event for. */
async function countMissing(c: pg.Client, orgId: string, ids: string[]): Promise<number> {
  let missing = 0;
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const sql = `SELECT count(*)::int AS n FROM unnest($2::text[]) AS a(id) WHERE NOT EXISTS (SELECT 1 FROM "Event" e WHERE e."orgId" = $1 AND e."id" = a.id)`;
    missing += (await c.query<{ n: number }>(sql, [orgId, ids.slice(i, i + ID_CHUNK)])).rows[0].n;
  }
  return missing;
}

type Totals = Record<"events" | "input" | "output" | "cached" | "cache_write" | "reasoning" | "unpriced" | "cost", string>;

async function rawTotals(c: pg.Client, orgId: string): Promise<Totals> {
  const sql = `SELECT count(*)::text AS events, sum("inputTokens")::text AS input, sum("outputTokens")::text AS output,
      sum("cachedInputTokens")::text AS cached, sum("cacheWriteTokens")::text AS cache_write, sum("reasoningTokens")::text AS reasoning,
      count(*) FILTER (WHERE "costSource" = 'unpriced')::text AS unpriced, sum("costUsd")::text AS cost
    FROM "Event" WHERE "orgId" = $1`;
  return (await c.query<Totals>(sql, [orgId])).rows[0];
}

async function rollupTotals(c: pg.Client, orgId: string, table: "CostRollupHourly" | "CostRollupDaily"): Promise<Totals> {
  const sql = `SELECT sum("events")::text AS events, sum("inputTokens")::text AS input, sum("outputTokens")::text AS output,
      sum("cachedInputTokens")::text AS cached, sum("cacheWriteTokens")::text AS cache_write, sum("reasoningTokens")::text AS reasoning,
      sum("unpricedEvents")::text AS unpriced, sum("costUsd")::text AS cost
    FROM "${table}" WHERE "orgId" = $1`;
  return (await c.query<Totals>(sql, [orgId])).rows[0];
}

/** Hourly roll-up rows that differ from the raw events grouped by the organization's local hour and dimensions. */
async function hourlyMismatches(c: pg.Client, orgId: string, timeZone: string): Promise<number> {
  const sql = `WITH e AS (
      SELECT date_trunc('hour', "timestamp", $2) AS hour, coalesce("feature", '') AS feature, coalesce("team", '') AS team,
        coalesce("customer", '') AS customer, coalesce("environment", '') AS environment, "provider", "model", coalesce("workflow", '') AS workflow,
        count(*) AS events, sum("inputTokens") AS input, sum("outputTokens") AS output, sum("cachedInputTokens") AS cached,
        sum("cacheWriteTokens") AS cache_write, sum("reasoningTokens") AS reasoning, count(*) FILTER (WHERE "costSource" = 'unpriced') AS unpriced,
        sum("costUsd") AS cost
      FROM "Event" WHERE "orgId" = $1 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ),
    h AS (
      SELECT "hour" AS hour, "feature" AS feature, "team" AS team, "customer" AS customer, "environment" AS environment, "provider", "model",
        "workflow" AS workflow, "events" AS events, "inputTokens" AS input, "outputTokens" AS output, "cachedInputTokens" AS cached,
        "cacheWriteTokens" AS cache_write, "reasoningTokens" AS reasoning, "unpricedEvents" AS unpriced, "costUsd" AS cost
      FROM "CostRollupHourly" WHERE "orgId" = $1
    )
    SELECT count(*)::int AS n FROM e FULL JOIN h USING (hour, feature, team, customer, environment, "provider", "model", workflow)
    WHERE (e.events, e.input, e.output, e.cached, e.cache_write, e.reasoning, e.unpriced, e.cost)
      IS DISTINCT FROM (h.events, h.input, h.output, h.cached, h.cache_write, h.reasoning, h.unpriced, h.cost)`;
  return (await c.query<{ n: number }>(sql, [orgId, timeZone])).rows[0].n;
}

/** Daily roll-up rows that differ from the hourly ones summed by the organization's local day. */
async function dailyMismatches(c: pg.Client, orgId: string): Promise<number> {
  return (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${DAILY_ROLLUP_MISMATCHES_SQL}) m`, [orgId])).rows[0].n;
}

/** Runs whose totals differ from their events' (steps, errors, cost, tokens, first and last timestamp). */
async function runMismatches(c: pg.Client, orgId: string): Promise<{ runs: number; mismatched: number }> {
  const sql = `WITH e AS (
      SELECT "runId" AS run_id, count(*) AS steps, count(*) FILTER (WHERE "status" = 'error') AS errors, sum("costUsd") AS cost,
        sum("inputTokens") AS input, sum("outputTokens") AS output, min("timestamp") AS started, max("timestamp") AS ended
      FROM "Event" WHERE "orgId" = $1 AND "runId" IS NOT NULL GROUP BY 1
    ),
    r AS (
      SELECT "runId" AS run_id, "steps" AS steps, "errors" AS errors, "costUsd" AS cost, "inputTokens" AS input, "outputTokens" AS output,
        "startedAt" AS started, "endedAt" AS ended
      FROM "Run" WHERE "orgId" = $1
    )
    SELECT (SELECT count(*) FROM r)::int AS runs, count(*) FILTER (WHERE (e.steps, e.errors, e.cost, e.input, e.output, e.started, e.ended)
      IS DISTINCT FROM (r.steps, r.errors, r.cost, r.input, r.output, r.started, r.ended))::int AS mismatched
    FROM e FULL JOIN r USING (run_id)`;
  return (await c.query<{ runs: number; mismatched: number }>(sql, [orgId])).rows[0];
}

const describeTotals = (t: Totals) => `${fmt(Number(t.events))} events, ${t.input} in / ${t.output} out tokens, ${t.unpriced} unpriced, $${t.cost}`;
const sameTotals = (a: Totals, b: Totals) => (Object.keys(a) as (keyof Totals)[]).every((k) => (a[k] ?? "0") === (b[k] ?? "0"));

/**
 * Checks what the clients saw against what is stored: every generated event acknowledged and
 * stored once, no stored event that was not acknowledged, no delivery failure, and roll-ups and
 * runs equal to the raw events. `expectNoDuplicates`: without faults no retried batch was committed.
 */
export async function checkStoredEvents(c: pg.Client, orgId: string, timeZone: string, stats: WireStats, expectNoDuplicates: boolean): Promise<Check[]> {
  const checks: Check[] = [];
  const { stored, distinct } = (
    await c.query<{ stored: number; distinct: number }>(`SELECT count(*)::int AS stored, count(DISTINCT "id")::int AS distinct FROM "Event" WHERE "orgId" = $1`, [orgId])
  ).rows[0];
  const acknowledged = [...stats.acknowledged];
  const missing = await countMissing(c, orgId, acknowledged);
  const unacknowledged = [...stats.tracked].filter((id) => !stats.acknowledged.has(id)).length;

  checks.push({
    name: "no delivery failure reported (onError)",
    ok: stats.failures.length === 0 && stats.rejected === 0,
    detail: stats.failures.length ? stats.failures.slice(0, 3).map((f) => `${f.reason}: ${f.message}`).join("; ") : `${stats.rejected} rejected`,
  });
  checks.push({ name: "every tracked event acknowledged", ok: unacknowledged === 0, detail: `${fmt(stats.tracked.size)} tracked, ${fmt(unacknowledged)} never acknowledged` });
  checks.push({ name: "every acknowledged event stored", ok: missing === 0, detail: `${fmt(acknowledged.length)} acknowledged, ${fmt(missing)} missing` });
  checks.push({ name: "events acknowledged = rows stored", ok: stored === acknowledged.length, detail: `${fmt(acknowledged.length)} acknowledged, ${fmt(stored)} stored` });
  checks.push({ name: "no event stored twice", ok: distinct === stored, detail: `${fmt(stored)} rows, ${fmt(distinct)} distinct ids` });
  checks.push({
    name: "2xx answers add up",
    ok: stats.accepted + stats.duplicates === stats.acknowledgedEvents && stats.acknowledgedEvents === acknowledged.length,
    detail: `accepted ${fmt(stats.accepted)} + duplicates ${fmt(stats.duplicates)} = ${fmt(stats.acknowledgedEvents)} events answered 2xx, each once`,
  });
  checks.push(
    expectNoDuplicates
      ? { name: "no retried batch was already stored", ok: stats.duplicates === 0 && stats.accepted === stored, detail: `${fmt(stats.duplicates)} duplicates; accepted ${fmt(stats.accepted)}, stored ${fmt(stored)}` }
      : {
          // A batch committed just before its answer was lost is stored once and answered as duplicates on retry.
          name: "batches committed but unanswered counted once",
          ok: stored - stats.accepted === stats.duplicates,
          detail: `${fmt(stored - stats.accepted)} stored without an accepted answer, ${fmt(stats.duplicates)} answered as duplicates on retry`,
        },
  );
  const raw = await rawTotals(c, orgId);
  const hourly = await rollupTotals(c, orgId, "CostRollupHourly");
  const daily = await rollupTotals(c, orgId, "CostRollupDaily");
  checks.push({ name: "hourly roll-up totals = raw sums", ok: sameTotals(raw, hourly), detail: `raw ${describeTotals(raw)}; hourly ${describeTotals(hourly)}` });
  checks.push({ name: "daily roll-up totals = raw sums", ok: sameTotals(raw, daily), detail: `daily ${describeTotals(daily)}` });
  const hourRows = await hourlyMismatches(c, orgId, timeZone);
  checks.push({ name: "each hourly roll-up row = its events", ok: hourRows === 0, detail: `${hourRows} rows differ` });
  const dayRows = await dailyMismatches(c, orgId);
  checks.push({ name: "each daily roll-up row = its hours", ok: dayRows === 0, detail: `${dayRows} rows differ` });
  const runs = await runMismatches(c, orgId);
  checks.push({ name: "each run's totals = its events", ok: runs.mismatched === 0 && runs.runs > 0, detail: `${fmt(runs.runs)} runs, ${runs.mismatched} differ` });
  return checks;
}

/** Prints the checks; true when all hold. */
export function printChecks(checks: Check[]): boolean {
  for (const check of checks) console.log(`  ${check.ok ? "ok      " : "VIOLATED"}  ${check.name}: ${check.detail}`);
  return checks.every((check) => check.ok);
}
