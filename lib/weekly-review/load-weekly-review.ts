import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { listActionItemsForWeek } from "@/lib/action-items/list-action-items";
import type { WeekActionItemJson } from "@/lib/action-items/schemas";
import { loadAnomalies } from "@/lib/anomalies/load-anomalies";
import { listBudgets } from "@/lib/budgets/list-budgets";
import type { BudgetLevel } from "@/lib/budgets/schemas";
import { queryCosts } from "@/lib/costs/query-costs";
import { db } from "@/lib/db";
import { listFindings } from "@/lib/shadow-ai/findings";
import { compareWorkflows, type WorkflowComparison } from "./compare-workflows";
import { previousWeek, nextWeek, weekTense, type ReviewWeek } from "./review-week";

/** A budget that needs attention: its level now (this week) or the worst alert raised in a past week. */
export type ReviewBudget = {
  budget_id: string | null;
  name: string;
  level: Exclude<BudgetLevel, "green">;
  spend_usd: string | null;
  amount_usd: string | null;
  reason: string;
  /** When the level was evaluated (current) or the alert raised (past week). */
  at: string | null;
};

/** A cost spike on one local day of the week. */
export type ReviewAnomaly = {
  dimension: "feature" | "workflow";
  value: string;
  date: string;
  cost_usd: string;
  baseline_median_usd: string;
  excess_usd: string;
  ratio: number | null;
  /** The likely cause's kind (volume, retries_errors, …) and its one-line explanation. */
  cause_kind: string;
  cause: string;
};

/** A shadow-AI finding first recorded in the week. */
export type ReviewFinding = { id: string; kind: string; title: string; total_usd: string; status: string; owner: string | null; created_at: string };

/** Everything one week's review shows (SPEC 8), as the API answers it. */
export type WeeklyReview = {
  week: { label: string; start_date: string; last_date: string; start: string; end: string; tense: "past" | "current" | "future"; time_zone: string };
  previous_week: string;
  /** Where the week before is cut: its end, or for the week in progress the same point of the week (ISO instant). */
  previous_until: string;
  /** True when the week before is cut short to match the week in progress. */
  previous_partial: boolean;
  next_week: string;
  workflows: WorkflowComparison;
  /** `current`: the budgets' levels now; `alerts`: budget alerts raised during a past week. */
  budgets_source: "current" | "alerts";
  budgets: ReviewBudget[];
  anomalies: ReviewAnomaly[];
  findings: ReviewFinding[];
  action_items: WeekActionItemJson[];
};

const LEVEL_RANK: Record<string, number> = { red: 0, yellow: 1 };

async function budgetsForWeek(ctx: OrgContext, week: ReviewWeek, tense: "past" | "current" | "future"): Promise<ReviewBudget[]> {
  if (tense === "future") return [];
  if (tense === "current") {
    return (await listBudgets(ctx))
      .filter((b) => b.level === "red" || b.level === "yellow")
      .map((b) => ({ budget_id: b.id, name: b.name, level: b.level as ReviewBudget["level"], spend_usd: b.spend_usd, amount_usd: b.amount_usd, reason: b.reason, at: b.evaluated_at }));
  }
  // A past week's levels are not stored; the alerts raised then are (one per change of level).
  const alerts = await db.alert.findMany({
    where: { orgId: ctx.orgId, kind: "budget", level: { in: ["red", "yellow"] }, createdAt: { gte: week.start, lt: week.end } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const worst = new Map<string, (typeof alerts)[number]>();
  for (const alert of alerts) {
    const key = alert.budgetId ?? `title:${alert.title}`;
    const seen = worst.get(key);
    if (!seen || LEVEL_RANK[alert.level] < LEVEL_RANK[seen.level]) worst.set(key, alert);
  }
  return [...worst.values()]
    .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.title.localeCompare(b.title))
    .map((a) => ({
      budget_id: a.budgetId,
      name: a.title,
      level: a.level as ReviewBudget["level"],
      spend_usd: a.spendUsd?.toFixed(10) ?? null,
      amount_usd: a.amountUsd?.toString() ?? null,
      reason: a.reason,
      at: a.createdAt.toISOString(),
    }));
}

async function anomaliesForWeek(ctx: OrgContext, week: ReviewWeek, now: Date): Promise<ReviewAnomaly[]> {
  if (now.getTime() < week.start.getTime()) return [];
  // Judge the week's seven days (up to today in the current week) against their own baselines.
  const until = new Date(Math.min(now.getTime(), week.end.getTime() - 1));
  const anomalies = await loadAnomalies(ctx, { now: until, days: 7 });
  return anomalies
    .filter((a) => a.date >= week.startDate && a.date <= week.lastDate)
    .map((a) => ({
      dimension: a.dimension,
      value: a.value,
      date: a.date,
      cost_usd: a.costUsd,
      baseline_median_usd: a.baselineMedianUsd,
      excess_usd: a.excessUsd,
      ratio: a.ratio,
      cause_kind: a.cause.kind,
      cause: a.cause.detail,
    }));
}

/**
 * One week's review (SPEC 8): the five most expensive workflows against the week before, budgets in
 * yellow or red, the week's anomalies and new shadow-AI findings, and the action items it carries.
 */
export async function loadWeeklyReview(ctx: OrgContext, week: ReviewWeek, now: Date = new Date()): Promise<WeeklyReview> {
  authorizeOrThrow(ctx, "read");
  const previous = previousWeek(week, ctx.timeZone);
  const tense = weekTense(week, now);
  // A week in progress is compared with the week before up to the same point, never with a whole week.
  const previousTo = tense === "current" ? new Date(previous.start.getTime() + (now.getTime() - week.start.getTime())) : previous.end;
  const costsOf = (from: Date, to: Date) => queryCosts(ctx, { from, to, granularity: "week", groupBy: ["workflow"], filters: {}, format: "json" });
  const [costs, previousCosts, budgets, anomalies, findings, actionItems] = await Promise.all([
    costsOf(week.start, tense === "current" ? now : week.end),
    costsOf(previous.start, previousTo),
    budgetsForWeek(ctx, week, tense),
    anomaliesForWeek(ctx, week, now),
    listFindings(ctx),
    listActionItemsForWeek(ctx, week),
  ]);
  const rows = [
    ...costs.rows.map((r) => ({ weekStart: week.startDate, workflow: r.workflow ?? "", costUsd: r.cost_usd })),
    ...previousCosts.rows.map((r) => ({ weekStart: previous.startDate, workflow: r.workflow ?? "", costUsd: r.cost_usd })),
  ];
  const start = week.start.getTime();
  const end = week.end.getTime();
  return {
    week: {
      label: week.label,
      start_date: week.startDate,
      last_date: week.lastDate,
      start: week.start.toISOString(),
      end: week.end.toISOString(),
      tense,
      time_zone: ctx.timeZone,
    },
    previous_week: previous.label,
    previous_until: previousTo.toISOString(),
    previous_partial: tense === "current",
    next_week: nextWeek(week, ctx.timeZone).label,
    workflows: compareWorkflows(rows, week.startDate, previous.startDate),
    budgets_source: tense === "current" ? "current" : "alerts",
    budgets,
    anomalies,
    findings: findings
      .filter((f) => {
        const created = Date.parse(f.created_at);
        return created >= start && created < end;
      })
      .map((f) => ({ id: f.id, kind: f.kind, title: f.title, total_usd: f.total_usd, status: f.status, owner: f.owner, created_at: f.created_at })),
    action_items: actionItems,
  };
}
