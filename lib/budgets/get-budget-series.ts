import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { db, Prisma } from "@/lib/db";
import { foundOrThrow } from "@/lib/errors/app-error";
import { addDays } from "@/lib/overview/overview-periods";
import { firstKnownDate, forecastBudget } from "./forecast-budget";
import { readBudgetSpend, readOrgFirstDate } from "./read-budget-spend";
import type { BudgetPeriodKind, ScopeDimension } from "./schemas";

/** One local day of a budget's period: its spend and the running total (null after today). */
export type BudgetSeriesPoint = { date: string; spend_usd: string | null; cumulative_usd: string | null; forecast_cumulative_usd: string | null };

/** What the budget page draws: spend so far day by day, the forecast line to the period's end, and the thresholds. */
export type BudgetSeries = {
  period_start: string;
  period_end: string;
  amount_usd: string;
  yellow_usd: string;
  red_usd: string;
  run_rate_usd: string | null;
  forecast_usd: string | null;
  points: BudgetSeriesPoint[];
};

const fixed = (d: Prisma.Decimal) => d.toDecimalPlaces(10).toFixed(10);

/**
 * A budget's current period as chart points, computed now from the roll-ups (not the stored
 * snapshot): each day to today has its spend and running total; today and each later day have
 * the forecast's running total (spend so far plus the run rate per remaining day), ending at the
 * forecast. Amounts are exact decimal strings.
 */
export async function getBudgetSeries(ctx: OrgContext, budgetId: string, now: Date = new Date()): Promise<BudgetSeries> {
  authorizeOrThrow(ctx, "read");
  const budget = foundOrThrow(await db.budget.findUnique({ where: { orgId_id: { orgId: ctx.orgId, id: budgetId } } }), "Budget");
  const scopeDimension = budget.scopeDimension as ScopeDimension;
  const spend = await readBudgetSpend(ctx.orgId, ctx.timeZone, { scopeDimension, scopeValue: budget.scopeValue, period: budget.period as BudgetPeriodKind }, now);
  const { period } = spend;
  const wholeOrg = scopeDimension === "org";
  const known = firstKnownDate({ wholeOrg, orgFirstDate: wholeOrg ? await readOrgFirstDate(ctx.orgId, ctx.timeZone) : null, dailyUsd: spend.dailyUsd, today: period.today });
  const forecast = forecastBudget({ periodToDateUsd: spend.spendUsd, dailyUsd: spend.dailyUsd, firstKnownDate: known, today: period.today, daysLeft: period.daysLeft });
  const rate = forecast ? new Prisma.Decimal(forecast.runRateUsd) : null;

  const points: BudgetSeriesPoint[] = [];
  let total = new Prisma.Decimal(0);
  const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  // The rest of today, as the forecast counts it (daysLeft = rest of today + whole days after it).
  const todayFraction = period.daysLeft - (dayNumber(period.lastDate) - dayNumber(period.today));
  for (let date = period.startDate; date <= period.lastDate; date = addDays(date, 1)) {
    if (date <= period.today) {
      const day = new Prisma.Decimal(spend.dailyUsd.get(date) ?? 0);
      total = total.plus(day);
      const atToday = date === period.today;
      points.push({
        date,
        spend_usd: fixed(day),
        cumulative_usd: fixed(total),
        forecast_cumulative_usd: atToday && rate ? fixed(total.plus(rate.times(todayFraction))) : null,
      });
    } else {
      const daysAhead = dayNumber(date) - dayNumber(period.today);
      points.push({ date, spend_usd: null, cumulative_usd: null, forecast_cumulative_usd: rate ? fixed(total.plus(rate.times(todayFraction + daysAhead))) : null });
    }
  }
  return {
    period_start: period.start.toISOString(),
    period_end: period.end.toISOString(),
    amount_usd: budget.amountUsd.toString(),
    yellow_usd: fixed(budget.amountUsd.times(budget.yellowPct).dividedBy(100)),
    red_usd: fixed(budget.amountUsd.times(budget.redPct).dividedBy(100)),
    run_rate_usd: forecast?.runRateUsd ?? null,
    forecast_usd: forecast?.forecastUsd ?? null,
    points,
  };
}
