import { fromUnits, toUnits } from "@/lib/format/decimal";
import {
  GROSS_MARGIN_FLAG_PCT,
  INFERENCE_SHARE_BENCHMARK_PCT,
  marginFlags,
  marginMeasures,
  perCount,
  type MarginFlag,
  type MarginMeasures,
} from "./margin-arithmetic";
import type { MarginPeriod } from "./margin-period";

/** Per-decision measures and flags that the total and every feature carry, with the previous period's money measures. */
export type MarginTotal = MarginMeasures & {
  /** Cost of the runs that started in the period ÷ their number; null without runs. */
  cost_per_decision_usd: string | null;
  /** Cost of the runs that started in the period ÷ the successful ones; null when none succeeded. */
  cost_per_successful_outcome_usd: string | null;
  /** Runs (decisions) that started in the period. */
  decisions: number;
  /** Of those, the runs whose outcome is `success`. */
  successful_outcomes: number;
  flags: MarginFlag[];
  /** The previous period's money measures; null when it had neither revenue nor cost. */
  previous: MarginMeasures | null;
};

/** One feature's margins (SPEC 7); `(untagged)` holds cost without a feature. */
export type FeatureMargin = { feature: string } & MarginTotal;

/** `GET /api/v1/margins`: the period, each feature with revenue or cost in it, and the total. */
export type MarginsReport = {
  period: string;
  kind: MarginPeriod["kind"];
  /** Local midnight of the first day, ISO with the organization's offset. */
  from: string;
  /** Exclusive. */
  to: string;
  previous_period: string;
  currency: "USD";
  benchmarks: { inference_share_of_revenue_pct: string; inference_of_gross_margin_pct: string };
  features: FeatureMargin[];
  total: MarginTotal;
};

/** An amount of one feature in one month (`YYYY-MM`, the organization's calendar). */
export type MonthlyAmount = { month: string; feature: string; amountUsd: string };
/** Runs of one feature that started in the period. */
export type FeatureRuns = { feature: string; runs: number; successes: number; costUsd: string };

/** What computeMargins reads from the database, already grouped. */
export type MarginInputs = {
  period: MarginPeriod;
  previousMonths: readonly string[];
  from: string;
  to: string;
  revenue: readonly MonthlyAmount[];
  costs: readonly MonthlyAmount[];
  runs: readonly FeatureRuns[];
};

type Sums = { revenue: bigint; cost: bigint; seen: boolean };
const ZERO = BigInt(0);

function sumsByFeature(amounts: readonly MonthlyAmount[], months: ReadonlySet<string>, field: "revenue" | "cost", into: Map<string, Sums>): void {
  for (const amount of amounts) {
    if (!months.has(amount.month)) continue;
    const sums = into.get(amount.feature) ?? { revenue: ZERO, cost: ZERO, seen: false };
    sums[field] += toUnits(amount.amountUsd);
    sums.seen = true;
    into.set(amount.feature, sums);
  }
}

function withDecisions(measures: MarginMeasures, runs: FeatureRuns | undefined, previous: MarginMeasures | null): MarginTotal {
  const decisions = runs?.runs ?? 0;
  const successes = runs?.successes ?? 0;
  const runCost = runs?.costUsd ?? "0";
  return {
    ...measures,
    cost_per_decision_usd: perCount(runCost, decisions),
    cost_per_successful_outcome_usd: perCount(runCost, successes),
    decisions,
    successful_outcomes: successes,
    flags: marginFlags(measures.revenue_usd, measures.inference_cost_usd),
    previous,
  };
}

const measuresOf = (sums: Sums | undefined): MarginMeasures | null => (sums?.seen ? marginMeasures(fromUnits(sums.revenue), fromUnits(sums.cost)) : null);

/**
 * The margins report from grouped amounts: revenue (customers summed into their feature) and
 * inference cost per feature and month, and runs per feature. Exact to the storage scale; features
 * ordered by revenue, then cost (largest first), then name.
 */
export function assembleMargins(inputs: MarginInputs): MarginsReport {
  const current = new Set(inputs.period.months);
  const previousMonths = new Set(inputs.previousMonths);
  const now = new Map<string, Sums>();
  const before = new Map<string, Sums>();
  sumsByFeature(inputs.revenue, current, "revenue", now);
  sumsByFeature(inputs.costs, current, "cost", now);
  sumsByFeature(inputs.revenue, previousMonths, "revenue", before);
  sumsByFeature(inputs.costs, previousMonths, "cost", before);
  const runsByFeature = new Map(inputs.runs.map((r) => [r.feature, r]));

  const features = [...now.entries()]
    .sort(([a, x], [b, y]) => (x.revenue === y.revenue ? (x.cost === y.cost ? (a < b ? -1 : a > b ? 1 : 0) : x.cost > y.cost ? -1 : 1) : x.revenue > y.revenue ? -1 : 1))
    .map(([feature, sums]): FeatureMargin => ({
      feature,
      ...withDecisions(marginMeasures(fromUnits(sums.revenue), fromUnits(sums.cost)), runsByFeature.get(feature), measuresOf(before.get(feature))),
    }));

  const total = (map: Map<string, Sums>): Sums =>
    [...map.values()].reduce((acc, s) => ({ revenue: acc.revenue + s.revenue, cost: acc.cost + s.cost, seen: acc.seen || s.seen }), { revenue: ZERO, cost: ZERO, seen: false });
  const allRuns = inputs.runs.reduce(
    (acc, r) => ({ feature: "", runs: acc.runs + r.runs, successes: acc.successes + r.successes, costUsd: fromUnits(toUnits(acc.costUsd) + toUnits(r.costUsd)) }),
    { feature: "", runs: 0, successes: 0, costUsd: "0" },
  );
  const nowTotal = total(now);

  return {
    period: inputs.period.period,
    kind: inputs.period.kind,
    from: inputs.from,
    to: inputs.to,
    previous_period: inputs.period.previous,
    currency: "USD",
    benchmarks: { inference_share_of_revenue_pct: String(INFERENCE_SHARE_BENCHMARK_PCT), inference_of_gross_margin_pct: String(GROSS_MARGIN_FLAG_PCT) },
    features,
    total: withDecisions(marginMeasures(fromUnits(nowTotal.revenue), fromUnits(nowTotal.cost)), allRuns, measuresOf(total(before))),
  };
}
