import { UNTAGGED } from "@/lib/costs/schemas";
import { decimalToNumber, divideDecimal, toUnits } from "@/lib/format/decimal";

/** One row of a feature's breakdown by workflow, model or customer; amounts are exact strings. */
export type BreakdownRow = {
  name: string;
  costUsd: string;
  /** Share of the feature's spend in the range, 0–1; null when that is zero. */
  share: number | null;
  events: number;
  inputTokens: number;
  outputTokens: number;
  costPerCallUsd: string | null;
  /** Only for workflows: runs of this feature and workflow started in the range. */
  runs?: number;
  costPerDecisionUsd?: string | null;
};

/** Dearest first, ties by name, so the order is stable; exact on the decimal strings. */
export function byCostThenName(a: { costUsd: string; name: string }, b: { costUsd: string; name: string }): number {
  const diff = toUnits(b.costUsd) - toUnits(a.costUsd);
  return diff > BigInt(0) ? 1 : diff < BigInt(0) ? -1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export type BreakdownInput = { name: string; cost_usd: string; events: number; input_tokens: number; output_tokens: number };

/**
 * Rows dearest first (ties by name), each with its share of `totalUsd` and cost per call; when
 * `runs` is given (workflows), also runs and cost per decision by name ('' is no workflow).
 */
export function prepareBreakdown(
  rows: readonly BreakdownInput[],
  totalUsd: string,
  runs?: readonly { name: string; runs: number; costUsd: string }[],
): BreakdownRow[] {
  const runsOf = new Map(runs?.map((r) => [r.name === "" ? UNTAGGED : r.name, r]));
  const total = decimalToNumber(totalUsd);
  return rows
    .map((row): BreakdownRow => {
      const run = runsOf.get(row.name);
      return {
        name: row.name,
        costUsd: row.cost_usd,
        share: total === 0 ? null : decimalToNumber(row.cost_usd) / total,
        events: row.events,
        inputTokens: row.input_tokens,
        outputTokens: row.output_tokens,
        costPerCallUsd: divideDecimal(row.cost_usd, row.events),
        ...(runs ? { runs: run?.runs ?? 0, costPerDecisionUsd: run ? divideDecimal(run.costUsd, run.runs) : null } : {}),
      };
    })
    .sort(byCostThenName);
}

/** CSV header and rows of a breakdown: exact decimals, not display strings. */
export function breakdownCsv(dimension: string, rows: readonly BreakdownRow[]) {
  const withRuns = rows.some((r) => r.runs !== undefined);
  const header = [dimension, "cost_usd", "share", "calls", "input_tokens", "output_tokens", "cost_per_call_usd", ...(withRuns ? ["runs", "cost_per_decision_usd"] : [])];
  return {
    header,
    rows: rows.map((r) => [r.name, r.costUsd, r.share, r.events, r.inputTokens, r.outputTokens, r.costPerCallUsd, ...(withRuns ? [r.runs, r.costPerDecisionUsd] : [])]),
  };
}
