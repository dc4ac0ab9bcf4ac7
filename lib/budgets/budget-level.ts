import { Prisma } from "@/lib/db/generated/client";
import { formatUsdTotal } from "@/lib/format/format-money";
import type { BudgetLevel } from "./schemas";

const Decimal = Prisma.Decimal;

/** Which rule of SPEC 5 decided the level. */
export type LevelRule = "red_threshold" | "workflow_cap" | "yellow_threshold" | "forecast" | "under";

/** What a level is decided from; amounts are exact decimal strings, percentages of the amount. */
export type BudgetLevelInput = {
  spendUsd: string;
  /** The forecast for the period's end; null when there is no history to forecast from. */
  forecastUsd: string | null;
  amountUsd: string;
  yellowPct: number;
  redPct: number;
  /** 0 turns the cap off. */
  workflowCapPct: number;
  /** The workflow that spent the most in the period, if any did. */
  topWorkflow: { workflow: string; spendUsd: string } | null;
};

const usd = (d: Prisma.Decimal) => formatUsdTotal(d.toFixed(10));
const pct = (d: Prisma.Decimal) => `${d.toDecimalPlaces(1).toString()}%`;

/**
 * The level exactly as SPEC 5 says: RED when spend ≥ the red threshold or one workflow's spend is
 * over the cap (strictly); YELLOW when spend ≥ the yellow threshold or the forecast is over the
 * amount (strictly); GREEN otherwise. The reason names the first rule that holds, in that order.
 */
export function budgetLevel(input: BudgetLevelInput): { level: BudgetLevel; rule: LevelRule; reason: string } {
  const spend = new Decimal(input.spendUsd);
  const amount = new Decimal(input.amountUsd);
  const red = amount.times(input.redPct).dividedBy(100);
  const yellow = amount.times(input.yellowPct).dividedBy(100);
  const cap = amount.times(input.workflowCapPct).dividedBy(100);
  const share = spend.times(100).dividedBy(amount);
  const ofBudget = `${usd(spend)} is ${pct(share)} of the ${usd(amount)} budget`;

  if (spend.greaterThanOrEqualTo(red)) {
    return { level: "red", rule: "red_threshold", reason: `Spend ${ofBudget} (red at ${input.redPct}%)` };
  }
  if (input.workflowCapPct > 0 && input.topWorkflow && new Decimal(input.topWorkflow.spendUsd).greaterThan(cap)) {
    const top = new Decimal(input.topWorkflow.spendUsd);
    return {
      level: "red",
      rule: "workflow_cap",
      reason: `Workflow "${input.topWorkflow.workflow}" spent ${usd(top)}, over its cap of ${usd(cap)} (${input.workflowCapPct}% of the budget)`,
    };
  }
  if (spend.greaterThanOrEqualTo(yellow)) {
    return { level: "yellow", rule: "yellow_threshold", reason: `Spend ${ofBudget} (yellow at ${input.yellowPct}%)` };
  }
  if (input.forecastUsd !== null && new Decimal(input.forecastUsd).greaterThan(amount)) {
    return { level: "yellow", rule: "forecast", reason: `Forecast ${usd(new Decimal(input.forecastUsd))} by the period's end is over the ${usd(amount)} budget (spend so far ${usd(spend)})` };
  }
  const forecast = input.forecastUsd === null ? "no forecast yet" : `forecast ${usd(new Decimal(input.forecastUsd))}`;
  return { level: "green", rule: "under", reason: `Spend ${ofBudget}; ${forecast}` };
}
