import "server-only";
import type { OrgContext } from "@/lib/auth/org-context";
import { db, Prisma } from "@/lib/db";
import { createBudget } from "./create-budget";
import { firstKnownDate, forecastBudget } from "./forecast-budget";
import { readBudgetSpend, readOrgFirstDate } from "./read-budget-spend";
import type { BudgetPeriodKind, CreateBudgetInput, ScopeDimension } from "./schemas";

/** The workflow of the demo data's runaway-agent incident (prisma/demo), and the feature it runs under. */
export const DEMO_RUNAWAY_WORKFLOW = "research-agent";
const DEMO_RUNAWAY_FEATURE = "doc-search";

type Plan = { name: string; dimension: ScopeDimension; value?: string; period: BudgetPeriodKind; want: "green" | "yellow" | "red" | "cap" };

const PLANS: Plan[] = [
  { name: "All AI spend", dimension: "org", period: "month", want: "green" },
  { name: "Support chat", dimension: "feature", value: "support-chat", period: "month", want: "yellow" },
  { name: "Summarizer", dimension: "feature", value: "summarizer", period: "month", want: "red" },
  { name: "Doc search agents", dimension: "feature", value: DEMO_RUNAWAY_FEATURE, period: "quarter", want: "cap" },
];

// Whole dollars (cents under $10), so amounts look like ones people type.
function roundAmount(value: Prisma.Decimal, direction: "up" | "down"): string {
  const places = value.lessThan(10) ? 2 : 0;
  const rounded = value.toDecimalPlaces(places, direction === "up" ? Prisma.Decimal.ROUND_UP : Prisma.Decimal.ROUND_DOWN);
  return rounded.lessThanOrEqualTo(0) ? "0.01" : rounded.toFixed(places);
}

/**
 * Gives the demo organization one budget of each colour, sized from its own spend at `now`, and
 * one whose workflow cap the runaway `research-agent` passes (red for the cap while its total is
 * under budget). Does nothing when the organization already has budgets, so it is safe on every
 * start. The levels are evaluated, so the lights and the alert feed show them at once.
 */
export async function ensureDemoBudgets(ctx: OrgContext, now: Date = new Date()): Promise<number> {
  if ((await db.budget.count({ where: { orgId: ctx.orgId } })) > 0) return 0;
  const orgFirstDate = await readOrgFirstDate(ctx.orgId, ctx.timeZone);
  let created = 0;
  for (const plan of PLANS) {
    const spend = await readBudgetSpend(ctx.orgId, ctx.timeZone, { scopeDimension: plan.dimension, scopeValue: plan.value ?? "", period: plan.period }, now);
    const total = new Prisma.Decimal(spend.spendUsd);
    if (total.lessThanOrEqualTo(0)) continue;
    const known = firstKnownDate({ wholeOrg: plan.dimension === "org", orgFirstDate, dailyUsd: spend.dailyUsd, today: spend.period.today });
    const forecast = forecastBudget({ periodToDateUsd: spend.spendUsd, dailyUsd: spend.dailyUsd, firstKnownDate: known, today: spend.period.today, daysLeft: spend.period.daysLeft });
    const expected = Prisma.Decimal.max(total, new Prisma.Decimal(forecast?.forecastUsd ?? 0));
    const input: CreateBudgetInput = { name: plan.name, scope: plan.value ? { dimension: plan.dimension, value: plan.value } : { dimension: plan.dimension }, period: plan.period, amount_usd: "0" };
    if (plan.want === "green") Object.assign(input, { amount_usd: roundAmount(expected.times(1.25), "up"), workflow_cap_pct: 0 });
    // Spend at about 90% of the amount: yellow (the forecast may also be over it: still yellow).
    if (plan.want === "yellow") Object.assign(input, { amount_usd: roundAmount(total.dividedBy(0.9), "up"), workflow_cap_pct: 0 });
    if (plan.want === "red") Object.assign(input, { amount_usd: roundAmount(total.times(0.8), "down"), workflow_cap_pct: 0 });
    if (plan.want === "cap") {
      const amount = new Prisma.Decimal(roundAmount(expected.times(1.25), "up"));
      const runaway = spend.workflows.find((w) => w.workflow === DEMO_RUNAWAY_WORKFLOW);
      if (!runaway) continue;
      // A cap just under the runaway workflow's share of the amount, so it is what turns the budget red.
      const share = new Prisma.Decimal(runaway.spendUsd).times(100).dividedBy(amount);
      const capPct = Math.max(1, Math.min(100, Math.floor(share.times(0.8).toNumber())));
      Object.assign(input, { amount_usd: amount.toFixed(), workflow_cap_pct: capPct });
    }
    await createBudget(ctx, input, now);
    created += 1;
  }
  return created;
}
