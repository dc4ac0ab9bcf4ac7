import "server-only";
import type { OrgContext } from "@/lib/auth/org-context";
import { queryCosts, type CostRow } from "@/lib/costs/query-costs";
import type { CostDimension, Granularity } from "@/lib/costs/schemas";
import { wallTimeAt } from "@/lib/costs/zoned-time";
import { db } from "@/lib/db";
import { compareAmounts, rankTopRows, type Change, type TopRow } from "./compare-periods";
import { forecastMonthEnd, type MonthEndForecast } from "./forecast-month-end";
import { overviewPeriods } from "./overview-periods";
import { fillDailySpend, prepareSpendSeries, type SpendPoint } from "./prepare-spend-series";

export const TOP_LIMIT = 5;

/** A model whose calls this month had no price, so they count as $0 until one is set. */
export type UnpricedModel = { provider: string; model: string; unpricedEvents: number };

/** Everything the overview page shows, prepared; amounts are exact decimal strings. */
export type Overview = {
  /** False when the organization has never recorded an event: the page shows getting started. */
  hasEvents: boolean;
  /** Local dates `YYYY-MM-DD` of the windows, for labels. */
  monthStartDate: string;
  today: string;
  previousStartDate: string;
  /** The previous period's exclusive end, as a local date-time `YYYY-MM-DDTHH:mm`. */
  previousEndLocal: string;
  monthToDate: { costUsd: string; events: number; unpricedEvents: number };
  previous: { costUsd: string };
  change: Change;
  forecast: MonthEndForecast | null;
  series: SpendPoint[];
  topFeatures: TopRow[];
  topWorkflows: TopRow[];
  unpricedModels: UnpricedModel[];
};

const localDate = (instant: Date, timeZone: string) => {
  const w = wallTimeAt(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
};

/**
 * The overview for `now`, from the hourly roll-ups only: six grouped cost queries and one
 * primary-key lookup for the first event, run in parallel, so it stays fast at millions of events.
 */
export async function loadOverview(ctx: OrgContext, now: Date = new Date()): Promise<Overview> {
  const p = overviewPeriods(now, ctx.timeZone);
  const costs = (from: Date, to: Date, granularity: Granularity, groupBy: CostDimension[]) =>
    from.getTime() >= to.getTime()
      ? Promise.resolve(null)
      : queryCosts(ctx, { from, to, granularity, groupBy, filters: {}, format: "json" });
  const [features, workflows, models, previousFeatures, previousWorkflows, daily, first] = await Promise.all([
    costs(p.monthStart, now, "month", ["feature"]),
    costs(p.monthStart, now, "month", ["workflow"]),
    costs(p.monthStart, now, "month", ["provider", "model"]),
    costs(p.previousStart, p.previousEnd, "month", ["feature"]),
    costs(p.previousStart, p.previousEnd, "month", ["workflow"]),
    costs(p.dailyStart, now, "day", []),
    // The roll-ups' primary key starts (orgId, hour): this is an index lookup, not a scan.
    db.costRollupHourly.findFirst({ where: { orgId: ctx.orgId }, orderBy: { hour: "asc" }, select: { hour: true } }),
  ]);

  const zero = "0.0000000000";
  const total = features?.total ?? { cost_usd: zero, events: 0, unpriced_events: 0 };
  const previousUsd = previousFeatures?.total.cost_usd ?? zero;
  const firstEventDate = first ? localDate(first.hour, ctx.timeZone) : null;
  const dailySpend = fillDailySpend(daily?.rows ?? [], p.dailyDates, firstEventDate);
  const forecast = forecastMonthEnd({ monthToDateUsd: total.cost_usd, daily: dailySpend, today: p.today, daysLeft: p.daysLeft });
  const named = (rows: CostRow[] | undefined, dimension: CostDimension) =>
    (rows ?? []).map((row) => ({ name: row[dimension] ?? "", cost_usd: row.cost_usd, events: row.events }));
  const endWall = wallTimeAt(p.previousEnd, ctx.timeZone);

  return {
    hasEvents: first !== null,
    monthStartDate: localDate(p.monthStart, ctx.timeZone),
    today: p.today,
    previousStartDate: localDate(p.previousStart, ctx.timeZone),
    previousEndLocal: `${localDate(p.previousEnd, ctx.timeZone)}T${String(endWall.hour).padStart(2, "0")}:${String(endWall.minute).padStart(2, "0")}`,
    monthToDate: { costUsd: total.cost_usd, events: total.events, unpricedEvents: total.unpriced_events },
    previous: { costUsd: previousUsd },
    change: compareAmounts(total.cost_usd, previousUsd),
    forecast,
    series: prepareSpendSeries({ daily: dailySpend, today: p.today, restOfMonthDates: p.restOfMonthDates, runRateUsd: forecast?.runRateUsd ?? null }),
    topFeatures: rankTopRows(named(features?.rows, "feature"), named(previousFeatures?.rows, "feature"), total.cost_usd, TOP_LIMIT),
    topWorkflows: rankTopRows(named(workflows?.rows, "workflow"), named(previousWorkflows?.rows, "workflow"), total.cost_usd, TOP_LIMIT),
    unpricedModels: (models?.rows ?? [])
      .filter((row) => row.unpriced_events > 0)
      .map((row) => ({ provider: row.provider ?? "", model: row.model ?? "", unpricedEvents: row.unpriced_events }))
      .sort((a, b) => b.unpricedEvents - a.unpricedEvents),
  };
}
