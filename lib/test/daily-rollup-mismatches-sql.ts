/**
 * The rows where organization $1's daily roll-ups differ from its hourly ones summed by local day
 * in its time zone (any measure, or a row on one side only): none when the two tables agree exactly.
 * Plain SQL, so scripts with their own connection (scripts/reliability) run the same check.
 */
export const DAILY_ROLLUP_MISMATCHES_SQL = `WITH h AS (
       SELECT date_trunc('day', "hour", (SELECT "timeZone" FROM "Organization" WHERE "id" = $1)) AS day, "feature", "team", "customer", "environment", "provider", "model", "workflow",
         sum("events") AS events, sum("inputTokens") AS input, sum("outputTokens") AS output, sum("cachedInputTokens") AS cached,
         sum("cacheWriteTokens") AS cache_write, sum("reasoningTokens") AS reasoning, sum("unpricedEvents") AS unpriced, sum("costUsd") AS cost
       FROM "CostRollupHourly" WHERE "orgId" = $1 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
     ),
     d AS (
       SELECT "day" AS day, "feature", "team", "customer", "environment", "provider", "model", "workflow", "events" AS events,
         "inputTokens" AS input, "outputTokens" AS output, "cachedInputTokens" AS cached, "cacheWriteTokens" AS cache_write,
         "reasoningTokens" AS reasoning, "unpricedEvents" AS unpriced, "costUsd" AS cost
       FROM "CostRollupDaily" WHERE "orgId" = $1
     )
     SELECT h.*, d.events AS daily_events, d.cost::text AS daily_cost FROM h FULL JOIN d USING (day, "feature", "team", "customer", "environment", "provider", "model", "workflow")
     WHERE (h.events, h.input, h.output, h.cached, h.cache_write, h.reasoning, h.unpriced, h.cost)
       IS DISTINCT FROM (d.events, d.input, d.output, d.cached, d.cache_write, d.reasoning, d.unpriced, d.cost)`;
