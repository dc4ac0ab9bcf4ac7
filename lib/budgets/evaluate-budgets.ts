import "server-only";
import { raiseBudgetAlert } from "@/lib/alerts/raise-budget-alert";
import { db, Prisma } from "@/lib/db";
import type { Budget } from "@/lib/db/generated/client";
import { budgetLevel, type LevelRule } from "./budget-level";
import { firstKnownDate, forecastBudget } from "./forecast-budget";
import { readBudgetsSpend, readOrgFirstDate, type BudgetSpend } from "./read-budget-spend";
import type { BudgetDriver, BudgetLevel, BudgetPeriodKind, ScopeDimension, StoredChannel } from "./schemas";

/** How many workflows a budget lists as driving it. */
export const DRIVER_LIMIT = 5;

/** What one budget's evaluation found, and whether it raised an alert. */
export type BudgetEvaluation = {
  budgetId: string;
  level: BudgetLevel;
  previousLevel: BudgetLevel;
  rule: LevelRule;
  spendUsd: string;
  forecastUsd: string | null;
  /** The alert raised for a change of level; null when the level held or another evaluator raised it. */
  alertId: string | null;
};

/**
 * Evaluates every budget of the organization (or only `budgetIds`) at `now` and stores each one's
 * level, spend, forecast, reason and driving workflows. A change of level is written with its
 * alert and outbox rows in one transaction, guarded by `UPDATE … WHERE level = <level read>`:
 * when evaluators race, exactly one sees its update match, so one change makes one alert.
 */
export async function evaluateBudgets(orgId: string, now: Date = new Date(), options: { budgetIds?: string[] } = {}): Promise<BudgetEvaluation[]> {
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { timeZone: true } });
  if (!org) return [];
  const budgets = await db.budget.findMany({ where: { orgId, ...(options.budgetIds ? { id: { in: options.budgetIds } } : {}) }, orderBy: { createdAt: "asc" } });
  if (budgets.length === 0) return [];
  const orgFirstDate = await readOrgFirstDate(orgId, org.timeZone);
  // One roll-up scan for all of them; then one short transaction per budget.
  const spends = await readBudgetsSpend(orgId, org.timeZone, budgets.map((b) => ({ scopeDimension: b.scopeDimension as ScopeDimension, scopeValue: b.scopeValue, period: b.period as BudgetPeriodKind })), now);
  const results: BudgetEvaluation[] = [];
  for (const [i, budget] of budgets.entries()) results.push(await evaluateBudget(budget, spends[i], orgFirstDate, now));
  return results;
}

async function evaluateBudget(budget: Budget, spend: BudgetSpend, orgFirstDate: string | null, now: Date): Promise<BudgetEvaluation> {
  const scopeDimension = budget.scopeDimension as ScopeDimension;
  const { period } = spend;
  const known = firstKnownDate({ wholeOrg: scopeDimension === "org", orgFirstDate, dailyUsd: spend.dailyUsd, today: period.today });
  const forecast = forecastBudget({ periodToDateUsd: spend.spendUsd, dailyUsd: spend.dailyUsd, firstKnownDate: known, today: period.today, daysLeft: period.daysLeft });
  const amountUsd = budget.amountUsd.toString();
  const capPct = budget.workflowCapPct.toNumber();
  const decided = budgetLevel({
    spendUsd: spend.spendUsd,
    forecastUsd: forecast?.forecastUsd ?? null,
    amountUsd,
    yellowPct: budget.yellowPct.toNumber(),
    redPct: budget.redPct.toNumber(),
    workflowCapPct: capPct,
    topWorkflow: spend.workflows[0] ?? null,
  });
  const cap = budget.amountUsd.times(capPct).dividedBy(100);
  const drivers: BudgetDriver[] = spend.workflows.slice(0, DRIVER_LIMIT).map((w) => ({
    workflow: w.workflow,
    spend_usd: w.spendUsd,
    share_pct: new Prisma.Decimal(w.spendUsd).times(100).dividedBy(budget.amountUsd).toDecimalPlaces(1).toNumber(),
    over_cap: capPct > 0 && new Prisma.Decimal(w.spendUsd).greaterThan(cap),
  }));

  const previousLevel = budget.level as BudgetLevel;
  const forecastUsd = forecast?.forecastUsd ?? null;
  const alertId = await db.$transaction(async (tx) => {
    // Raw SQL so an evaluation does not touch updatedAt (which says when people last edited it).
    const updated = await tx.$executeRaw`
      UPDATE "Budget" SET "level" = ${decided.level}, "spendUsd" = ${spend.spendUsd}::numeric, "forecastUsd" = ${forecastUsd}::numeric,
        "reason" = ${decided.reason}, "drivers" = ${JSON.stringify(drivers)}::jsonb, "periodStart" = ${period.start}, "evaluatedAt" = ${now}
      WHERE "orgId" = ${budget.orgId} AND "id" = ${budget.id} AND "level" = ${previousLevel}`;
    if (updated === 0 || decided.level === previousLevel) return null;
    return raiseBudgetAlert(
      tx,
      {
        orgId: budget.orgId,
        budgetId: budget.id,
        budgetName: budget.name,
        level: decided.level,
        previousLevel,
        spendUsd: spend.spendUsd,
        amountUsd,
        forecastUsd,
        reason: decided.reason,
        periodStart: period.start,
        details: { rule: decided.rule, workflows: drivers, period: budget.period, scope: { dimension: scopeDimension, value: budget.scopeValue } },
        channels: budget.channels as StoredChannel[],
      },
      now,
    );
  });
  return { budgetId: budget.id, level: decided.level, previousLevel, rule: decided.rule, spendUsd: spend.spendUsd, forecastUsd, alertId };
}
