/** One day × feature-or-workflow × model row of the roll-ups, as the driver answers it (numbers as text). */
export type DailyModelRow = {
  /** 1 for a workflow row, 0 for a feature row. */
  by_workflow: number | string;
  day: string;
  feature: string | null;
  workflow: string | null;
  model: string;
  calls: string;
  tokens: string;
  cost_usd: string;
};

/**
 * Daily calls, tokens and cost per feature and per workflow, each by provider/model, in one
 * statement over `CostRollupDaily`, whose days are the organization's local days (today's row
 * holds today so far). The roll-up rows are first summed per day and dimension values (a hash
 * aggregate into a few thousand groups), then
 * GROUPING SETS split that small result per feature and per workflow. Calls outside any workflow
 * (`''`) are no workflow.
 */
export function buildDailyModelSql(options: { orgId: string; timeZone: string; from: Date; to: Date }): { text: string; params: unknown[] } {
  const text = `
WITH daily AS (
  SELECT "day" AS d, "feature" AS feature, "workflow" AS workflow, "provider" AS provider, "model" AS model,
    sum("events") AS events, sum("inputTokens" + "outputTokens") AS tokens, sum("costUsd") AS cost
  FROM "CostRollupDaily"
  WHERE "orgId" = $1 AND "day" >= $2::timestamptz AND "day" < $3::timestamptz
  GROUP BY 1, 2, 3, 4, 5
)
SELECT grouping(feature) AS by_workflow, to_char(d AT TIME ZONE $4::text, 'YYYY-MM-DD') AS day, feature, workflow, model,
  sum(events)::text AS calls, sum(tokens)::text AS tokens, sum(cost)::numeric(24, 10)::text AS cost_usd
FROM (SELECT d, feature, workflow, provider || '/' || model AS model, events, tokens, cost FROM daily) r
GROUP BY GROUPING SETS ((d, feature, model), (d, workflow, model))
HAVING (grouping(feature) = 0 OR workflow <> '') AND sum(events) > 0
ORDER BY 1, 2, 3, 4, 5`;
  return { text, params: [options.orgId, options.from.toISOString(), options.to.toISOString(), options.timeZone] };
}

/** One day × feature-or-workflow row of runs started that day. */
export type RunDayRow = { by_workflow: number | string; day: string; feature: string | null; workflow: string | null; runs: string; steps: string; errors: string };

/**
 * Runs started per local day, per workflow and per feature (`''` for none), with their calls
 * (steps) and failed calls, only for the named workflows and features: runs are where errors are
 * counted, and the roll-ups have no status. The workflow filter uses the (orgId, workflow,
 * startedAt) index.
 */
export function buildRunDaySql(options: { orgId: string; timeZone: string; from: Date; to: Date; workflows: string[]; features: string[] }): { text: string; params: unknown[] } {
  const text = `
SELECT grouping(feature) AS by_workflow, day, feature, workflow,
  count(*)::text AS runs, sum(steps)::text AS steps, sum(errors)::text AS errors
FROM (
  SELECT to_char("startedAt" AT TIME ZONE $4::text, 'YYYY-MM-DD') AS day, coalesce("feature", '') AS feature,
    coalesce("workflow", '') AS workflow, "steps" AS steps, "errors" AS errors
  FROM "Run"
  WHERE "orgId" = $1 AND "startedAt" >= $2::timestamptz AND "startedAt" < $3::timestamptz
    AND ("workflow" = ANY($5::text[]) OR coalesce("feature", '') = ANY($6::text[]))
) r
GROUP BY GROUPING SETS ((day, feature), (day, workflow))
ORDER BY 1, 2, 3, 4`;
  return { text, params: [options.orgId, options.from.toISOString(), options.to.toISOString(), options.timeZone, options.workflows, options.features] };
}
