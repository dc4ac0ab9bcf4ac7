import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { queryCosts } from "@/lib/costs/query-costs";
import { formatInstantInZone } from "@/lib/costs/zoned-time";
import { queryRaw } from "@/lib/db";
import { assembleMargins, type FeatureRuns, type MarginsReport, type MonthlyAmount } from "./assemble-margins";
import { parseMarginPeriod } from "./margin-period";

export type { FeatureMargin, MarginsReport, MarginTotal } from "./assemble-margins";

// Revenue is summed per month and feature in SQL (customers fold into their feature), as numeric.
const REVENUE_SQL = `
  SELECT to_char("month", 'YYYY-MM') AS "month", "feature", sum("amountUsd")::text AS "amountUsd"
  FROM "Revenue"
  WHERE "orgId" = $1 AND "month" = ANY($2::date[])
  GROUP BY 1, 2`;

// Decisions are the runs that started in the period, each with its whole cost (as on the Features page).
const RUNS_SQL = `
  SELECT coalesce("feature", '') AS "feature", count(*)::int AS "runs",
    count(*) FILTER (WHERE "outcome" = 'success')::int AS "successes", coalesce(sum("costUsd"), 0)::text AS "costUsd"
  FROM "Run"
  WHERE "orgId" = $1 AND "startedAt" >= $2 AND "startedAt" < $3
  GROUP BY 1`;

const UNTAGGED_LABEL = "(untagged)";

/**
 * Revenue, inference cost, gross margin after inference, cost per decision and per successful
 * outcome, flags and the previous period, per feature and in total, for `2026-10` or `2026-Q4`
 * in the organization's time zone (SPEC 7).
 */
export async function computeMargins(ctx: OrgContext, period: string): Promise<MarginsReport> {
  authorizeOrThrow(ctx, "read");
  const current = parseMarginPeriod(period, ctx.timeZone);
  const previous = parseMarginPeriod(current.previous, ctx.timeZone);
  const months = [...previous.months, ...current.months];

  const [revenue, costs, runs] = await Promise.all([
    queryRaw<MonthlyAmount>(REVENUE_SQL, [ctx.orgId, months.map((m) => `${m}-01`)]),
    // One month-grouped roll-up query spans both periods; rows are split by their local month.
    queryCosts(ctx, { from: previous.from, to: current.to, granularity: "month", groupBy: ["feature"], filters: {}, format: "json" }),
    queryRaw<FeatureRuns>(RUNS_SQL, [ctx.orgId, current.from, current.to]),
  ]);

  return assembleMargins({
    period: current,
    previousMonths: previous.months,
    from: formatInstantInZone(current.from, ctx.timeZone),
    to: formatInstantInZone(current.to, ctx.timeZone),
    revenue,
    costs: costs.rows.map((row) => ({ month: row.period.slice(0, 7), feature: row.feature ?? UNTAGGED_LABEL, amountUsd: row.cost_usd })),
    runs: runs.map((r) => ({ ...r, feature: r.feature === "" ? UNTAGGED_LABEL : r.feature })),
  });
}
