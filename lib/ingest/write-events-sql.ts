import type { NormalizedEvent } from "./schemas";

/** An event's price, as stored beside it. */
export type StoredPrice = { costUsd: string; costSource: "reported" | "computed" | "unpriced"; priceKey: string | null };

// One statement per batch, given events with distinct ids (ingestEvents keeps the first of each):
// claim the events' keys (ids the organization already has are skipped),
// insert exactly the events whose keys were claimed, then fold them into the hourly and daily
// roll-ups and the runs. "EventKey" holds the (orgId, id) uniqueness because "Event" is partitioned
// by month and PostgreSQL only enforces keys that contain the partition column (lib/partitions).
// Being one statement, it is one transaction: dashboards never disagree with the raw events, and a
// failure stores nothing (neither keys nor events).
// Rows are sorted by key in every insert so concurrent batches take row locks in the same order.
// Hours and days are the organization's local ones, so its weeks and months are sums of days, and
// a range reads whole days from the daily roll-ups and only its partial edge days from the hours.
export const WRITE_EVENTS_SQL = `
WITH input AS (
  SELECT * FROM unnest(
    $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
    $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[],
    $12::numeric[], $13::text[], $14::text[], $15::int[], $16::text[],
    $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[]
  ) AS t(id, ts, provider, model, operation, input_tokens, output_tokens, cached_tokens, cache_write_tokens, reasoning_tokens,
         cost, cost_source, price_key, latency_ms, status, feature, team, customer, environment, workflow, run_id, step, usr, tags)
),
keys AS (
  INSERT INTO "EventKey" ("orgId", "id", "timestamp")
  SELECT $1, id, ts FROM input ORDER BY id
  ON CONFLICT ("orgId", "id") DO NOTHING
  RETURNING "id"
),
ins AS (
  INSERT INTO "Event" ("orgId", "id", "timestamp", "provider", "model", "operation", "inputTokens", "outputTokens",
    "cachedInputTokens", "cacheWriteTokens", "reasoningTokens", "costUsd", "costSource", "priceKey", "latencyMs", "status",
    "feature", "team", "customer", "environment", "workflow", "runId", "step", "user", "tags")
  SELECT $1, id, ts, provider, model, operation, input_tokens, output_tokens, cached_tokens, cache_write_tokens, reasoning_tokens,
    cost, cost_source, price_key, latency_ms, status, feature, team, customer, environment, workflow, run_id, step, usr, tags::jsonb
  FROM input JOIN keys USING (id) ORDER BY id
  RETURNING "timestamp", "provider", "model", "inputTokens", "outputTokens", "cachedInputTokens", "cacheWriteTokens",
    "reasoningTokens", "costUsd", "costSource", "status", "feature", "team", "customer", "environment", "workflow", "runId"
),
grouped AS (
  SELECT date_trunc('hour', "timestamp", $26) AS hour, coalesce("feature", '') AS feature, coalesce("team", '') AS team,
    coalesce("customer", '') AS customer, coalesce("environment", '') AS environment, "provider", "model",
    coalesce("workflow", '') AS workflow, count(*) AS events, sum("inputTokens") AS input_tokens, sum("outputTokens") AS output_tokens,
    sum("cachedInputTokens") AS cached_tokens, sum("cacheWriteTokens") AS cache_write_tokens, sum("reasoningTokens") AS reasoning_tokens,
    count(*) FILTER (WHERE "costSource" = 'unpriced') AS unpriced, sum("costUsd") AS cost
  FROM ins
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
),
rollup AS (
  INSERT INTO "CostRollupHourly" ("orgId", "hour", "feature", "team", "customer", "environment", "provider", "model", "workflow",
    "events", "inputTokens", "outputTokens", "cachedInputTokens", "cacheWriteTokens", "reasoningTokens", "unpricedEvents", "costUsd")
  SELECT $1, hour, feature, team, customer, environment, provider, model, workflow,
    events, input_tokens, output_tokens, cached_tokens, cache_write_tokens, reasoning_tokens, unpriced, cost
  FROM grouped
  ORDER BY 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT ("orgId", "hour", "feature", "team", "customer", "environment", "provider", "model", "workflow") DO UPDATE SET
    "events" = "CostRollupHourly"."events" + excluded."events",
    "inputTokens" = "CostRollupHourly"."inputTokens" + excluded."inputTokens",
    "outputTokens" = "CostRollupHourly"."outputTokens" + excluded."outputTokens",
    "cachedInputTokens" = "CostRollupHourly"."cachedInputTokens" + excluded."cachedInputTokens",
    "cacheWriteTokens" = "CostRollupHourly"."cacheWriteTokens" + excluded."cacheWriteTokens",
    "reasoningTokens" = "CostRollupHourly"."reasoningTokens" + excluded."reasoningTokens",
    "unpricedEvents" = "CostRollupHourly"."unpricedEvents" + excluded."unpricedEvents",
    "costUsd" = "CostRollupHourly"."costUsd" + excluded."costUsd"
  RETURNING 1
),
daily AS (
  INSERT INTO "CostRollupDaily" ("orgId", "day", "feature", "team", "customer", "environment", "provider", "model", "workflow",
    "events", "inputTokens", "outputTokens", "cachedInputTokens", "cacheWriteTokens", "reasoningTokens", "unpricedEvents", "costUsd")
  SELECT $1, date_trunc('day', hour, $26), feature, team, customer, environment, provider, model, workflow,
    sum(events), sum(input_tokens), sum(output_tokens), sum(cached_tokens), sum(cache_write_tokens), sum(reasoning_tokens), sum(unpriced), sum(cost)
  FROM grouped
  GROUP BY 2, 3, 4, 5, 6, 7, 8, 9
  ORDER BY 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT ("orgId", "day", "feature", "team", "customer", "environment", "provider", "model", "workflow") DO UPDATE SET
    "events" = "CostRollupDaily"."events" + excluded."events",
    "inputTokens" = "CostRollupDaily"."inputTokens" + excluded."inputTokens",
    "outputTokens" = "CostRollupDaily"."outputTokens" + excluded."outputTokens",
    "cachedInputTokens" = "CostRollupDaily"."cachedInputTokens" + excluded."cachedInputTokens",
    "cacheWriteTokens" = "CostRollupDaily"."cacheWriteTokens" + excluded."cacheWriteTokens",
    "reasoningTokens" = "CostRollupDaily"."reasoningTokens" + excluded."reasoningTokens",
    "unpricedEvents" = "CostRollupDaily"."unpricedEvents" + excluded."unpricedEvents",
    "costUsd" = "CostRollupDaily"."costUsd" + excluded."costUsd"
  RETURNING 1
),
runs AS (
  INSERT INTO "Run" ("orgId", "runId", "workflow", "feature", "startedAt", "endedAt", "steps", "errors", "costUsd", "inputTokens", "outputTokens")
  SELECT $1, "runId", max("workflow"), max("feature"), min("timestamp"), max("timestamp"), count(*),
    count(*) FILTER (WHERE "status" = 'error'), sum("costUsd"), sum("inputTokens"), sum("outputTokens")
  FROM ins WHERE "runId" IS NOT NULL
  GROUP BY "runId"
  ORDER BY "runId"
  ON CONFLICT ("orgId", "runId") DO UPDATE SET
    "workflow" = coalesce("Run"."workflow", excluded."workflow"),
    "feature" = coalesce("Run"."feature", excluded."feature"),
    "startedAt" = least("Run"."startedAt", excluded."startedAt"),
    "endedAt" = greatest("Run"."endedAt", excluded."endedAt"),
    "steps" = "Run"."steps" + excluded."steps",
    "errors" = "Run"."errors" + excluded."errors",
    "costUsd" = "Run"."costUsd" + excluded."costUsd",
    "inputTokens" = "Run"."inputTokens" + excluded."inputTokens",
    "outputTokens" = "Run"."outputTokens" + excluded."outputTokens"
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM rollup)::int AS rollups, (SELECT count(*) FROM daily)::int AS daily_rollups,
  (SELECT count(*) FROM runs)::int AS runs`;

/**
 * The statement's parameters for one organization's batch, column by column, built in one pass
 * (this runs for every event ingested, so it allocates nothing per event but the column cells).
 */
export function writeEventsParams(orgId: string, timeZone: string, events: readonly NormalizedEvent[], prices: readonly StoredPrice[]): unknown[] {
  const n = events.length;
  const columns = Array.from({ length: 24 }, () => new Array<unknown>(n));
  for (let i = 0; i < n; i++) {
    const e = events[i];
    const p = prices[i];
    columns[0][i] = e.id;
    columns[1][i] = e.timestamp.toISOString();
    columns[2][i] = e.provider;
    columns[3][i] = e.model;
    columns[4][i] = e.operation;
    columns[5][i] = e.inputTokens;
    columns[6][i] = e.outputTokens;
    columns[7][i] = e.cachedInputTokens;
    columns[8][i] = e.cacheWriteTokens;
    columns[9][i] = e.reasoningTokens;
    columns[10][i] = p.costUsd;
    columns[11][i] = p.costSource;
    columns[12][i] = p.priceKey;
    columns[13][i] = e.latencyMs;
    columns[14][i] = e.status;
    columns[15][i] = e.feature;
    columns[16][i] = e.team;
    columns[17][i] = e.customer;
    columns[18][i] = e.environment;
    columns[19][i] = e.workflow;
    columns[20][i] = e.runId;
    columns[21][i] = e.step;
    columns[22][i] = e.user;
    columns[23][i] = e.tags ? JSON.stringify(e.tags) : null;
  }
  return [orgId, ...columns, timeZone];
}
