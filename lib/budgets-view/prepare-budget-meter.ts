import type { BudgetJson, BudgetLevel, BudgetPeriodKind, ScopeDimension } from "@/lib/budgets/schemas";
import type { CsvCell } from "@/lib/csv/to-csv";
import { fromUnits, toUnits } from "@/lib/format/decimal";

/** A level as a word, so the colour is never the only signal. */
export const LEVEL_WORD: Record<BudgetLevel, string> = { green: "Green", yellow: "Yellow", red: "Red" };

const PERIOD_WORD: Record<BudgetPeriodKind, string> = { day: "Daily", week: "Weekly", month: "Monthly", quarter: "Quarterly" };
const DIMENSION_WORD: Record<ScopeDimension, string> = {
  org: "Whole organization",
  feature: "Feature",
  team: "Team",
  customer: "Customer",
  workflow: "Workflow",
  provider: "Provider",
  model: "Model",
};

/** "Monthly", "Weekly"… */
export function periodLabel(period: BudgetPeriodKind): string {
  return PERIOD_WORD[period];
}

/** "Whole organization" or "Feature: checkout". */
export function scopeLabel(scope: BudgetJson["scope"]): string {
  return scope.dimension === "org" ? DIMENSION_WORD.org : `${DIMENSION_WORD[scope.dimension]}: ${scope.value ?? ""}`;
}

/** The dimension's name alone, for the form's select. */
export function dimensionWord(dimension: ScopeDimension): string {
  return DIMENSION_WORD[dimension];
}

/** Where the spend bar's fill and marks go, in percent of the bar's width. */
export type BudgetMeter = {
  /** Spend as a share of the amount, in percent with one decimal (may pass 100). */
  usedPct: number;
  /** Forecast as a share of the amount; null without a forecast. */
  forecastPct: number | null;
  fillPct: number;
  yellowAtPct: number;
  redAtPct: number;
  forecastAtPct: number | null;
  /** True when spend runs past the end of the bar (drawn full). */
  overflow: boolean;
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp = (n: number) => Math.max(0, Math.min(100, n));

/**
 * The spend bar: the bar spans a quarter more than the red threshold (at least 125% of the
 * amount), so the yellow and red marks keep their places as spend moves, and spend past the end
 * fills the bar and says so. Floats are fine here: these are positions, the figures shown come
 * from the exact strings.
 */
export function prepareBudgetMeter(budget: Pick<BudgetJson, "spend_usd" | "amount_usd" | "forecast_usd" | "yellow_pct" | "red_pct">): BudgetMeter {
  const amount = Number(budget.amount_usd);
  const share = (usd: string) => (amount > 0 ? (Number(usd) / amount) * 100 : 0);
  const usedPct = share(budget.spend_usd);
  const forecastPct = budget.forecast_usd === null ? null : share(budget.forecast_usd);
  const scale = Math.max(budget.red_pct, 100) * 1.25;
  const at = (pct: number) => round1(clamp((pct / scale) * 100));
  return {
    usedPct: round1(usedPct),
    forecastPct: forecastPct === null ? null : round1(forecastPct),
    fillPct: at(usedPct),
    yellowAtPct: at(budget.yellow_pct),
    redAtPct: at(budget.red_pct),
    forecastAtPct: forecastPct === null ? null : at(forecastPct),
    overflow: usedPct > scale,
  };
}

/** The budgets table as CSV: exact decimals and ISO times, never display strings. */
export function budgetsCsv(budgets: readonly BudgetJson[]): { header: string[]; rows: CsvCell[][] } {
  return {
    header: ["id", "name", "scope_dimension", "scope_value", "period", "amount_usd", "spend_usd", "forecast_usd", "level", "reason", "yellow_pct", "red_pct", "workflow_cap_pct", "over_cap_workflows", "evaluated_at"],
    rows: budgets.map((b) => [
      b.id,
      b.name,
      b.scope.dimension,
      b.scope.value ?? "",
      b.period,
      b.amount_usd,
      b.spend_usd,
      b.forecast_usd,
      b.level,
      b.reason,
      b.yellow_pct,
      b.red_pct,
      b.workflow_cap_pct,
      b.workflows.filter((w) => w.over_cap).map((w) => w.workflow).join(" "),
      b.evaluated_at,
    ]),
  };
}

/** A percentage (at most 2 decimals, as budgets store them) of an amount, exactly, as a decimal string. */
export function percentOfAmount(amountUsd: string, pct: number): string {
  return fromUnits((toUnits(amountUsd) * BigInt(Math.round(pct * 100))) / BigInt(10_000));
}
