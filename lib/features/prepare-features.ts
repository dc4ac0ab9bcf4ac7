import { UNTAGGED } from "@/lib/costs/schemas";
import { OTHER_COLOR, OTHER_LABEL, SERIES_COLORS } from "@/lib/explorer/prepare-stacked-series";
import { decimalToNumber, divideDecimal, fromUnits, sumDecimals, toUnits } from "@/lib/format/decimal";
import { compareAmounts, type Change } from "@/lib/overview/compare-periods";
import { byCostThenName } from "./prepare-breakdown";

/** How many models a feature's mix names before the rest fold into "Other". */
export const MIX_MODELS = 3;

/** One slice of a model mix: a share of the cost, 0–1. */
export type MixSlice = { label: string; costUsd: string; share: number; color: string };

/** One feature's row on the features page; amounts are exact decimal strings. */
export type FeatureRow = {
  name: string;
  costUsd: string;
  /** Share of all spend in the range, 0–1; null when that total is zero. */
  share: number | null;
  previousUsd: string;
  change: Change;
  events: number;
  inputTokens: number;
  outputTokens: number;
  /** Cost per call, null without calls. */
  costPerCallUsd: string | null;
  /** Runs (decisions) of this feature that started in the range. */
  runs: number;
  /** Their cost per run, null without runs. */
  costPerDecisionUsd: string | null;
  mix: MixSlice[];
};

type Measured = { cost_usd: string; events: number };
export type FeatureCostInput = Measured & { feature?: string; input_tokens: number; output_tokens: number };
export type FeatureModelInput = Measured & { feature?: string; provider?: string; model?: string };
/** Runs started in the range per feature; `name` is '' for runs without one. */
export type FeatureRunsInput = { name: string; runs: number; costUsd: string };

/**
 * A cost split over labels as slices: the `limit` largest named, the rest one grey "Other"
 * (only when more than `limit` exist). Shares are of the given total.
 */
export function prepareMix(rows: readonly { label: string; costUsd: string }[], limit = MIX_MODELS): MixSlice[] {
  const total = toUnits(sumDecimals(rows.map((r) => r.costUsd)));
  const share = (units: bigint) => (total === BigInt(0) ? 0 : decimalToNumber(fromUnits(units)) / decimalToNumber(fromUnits(total)));
  const ranked = rows.map((r) => ({ name: r.label, costUsd: r.costUsd })).sort(byCostThenName);
  const named = ranked.length > limit ? ranked.slice(0, limit) : ranked;
  const slices = named.map((r, i) => ({ label: r.name, costUsd: r.costUsd, share: share(toUnits(r.costUsd)), color: SERIES_COLORS[i % SERIES_COLORS.length] }));
  if (ranked.length > limit) {
    const rest = sumDecimals(ranked.slice(limit).map((r) => r.costUsd));
    slices.push({ label: OTHER_LABEL, costUsd: rest, share: share(toUnits(rest)), color: OTHER_COLOR });
  }
  return slices;
}

/**
 * The features table: every feature with spend in the range, dearest first (ties by name), with
 * its trend against the previous period (absent then = a real zero), calls, tokens, cost per call,
 * cost per decision and model mix.
 */
export function prepareFeatureRows(input: {
  current: readonly FeatureCostInput[];
  previous: readonly { feature?: string; cost_usd: string }[];
  models: readonly FeatureModelInput[];
  runs: readonly FeatureRunsInput[];
  totalUsd: string;
}): FeatureRow[] {
  const name = (feature: string | undefined) => feature ?? UNTAGGED;
  const before = new Map(input.previous.map((r) => [name(r.feature), r.cost_usd]));
  const runsOf = new Map(input.runs.map((r) => [r.name === "" ? UNTAGGED : r.name, r]));
  const modelsOf = new Map<string, { label: string; costUsd: string }[]>();
  for (const row of input.models) {
    const list = modelsOf.get(name(row.feature)) ?? [];
    list.push({ label: `${row.provider ?? UNTAGGED}/${row.model ?? UNTAGGED}`, costUsd: row.cost_usd });
    modelsOf.set(name(row.feature), list);
  }
  const total = toUnits(input.totalUsd);
  return input.current
    .map((row) => {
      const feature = name(row.feature);
      const previousUsd = before.get(feature) ?? "0.0000000000";
      const runs = runsOf.get(feature);
      return {
        name: feature,
        costUsd: row.cost_usd,
        share: total === BigInt(0) ? null : decimalToNumber(row.cost_usd) / decimalToNumber(input.totalUsd),
        previousUsd,
        change: compareAmounts(row.cost_usd, previousUsd),
        events: row.events,
        inputTokens: row.input_tokens,
        outputTokens: row.output_tokens,
        costPerCallUsd: divideDecimal(row.cost_usd, row.events),
        runs: runs?.runs ?? 0,
        costPerDecisionUsd: runs ? divideDecimal(runs.costUsd, runs.runs) : null,
        mix: prepareMix(modelsOf.get(feature) ?? []),
      };
    })
    .sort(byCostThenName);
}

export const FEATURES_CSV_HEADER = ["feature", "cost_usd", "share", "previous_cost_usd", "change_usd", "calls", "input_tokens", "output_tokens", "cost_per_call_usd", "runs", "cost_per_decision_usd", "top_model"];

/** The table's rows for CSV: exact decimals, not display strings. */
export function featuresCsvRows(rows: readonly FeatureRow[]) {
  return rows.map((r) => [r.name, r.costUsd, r.share, r.previousUsd, r.change.amountUsd, r.events, r.inputTokens, r.outputTokens, r.costPerCallUsd, r.runs, r.costPerDecisionUsd, r.mix[0]?.label ?? null]);
}
