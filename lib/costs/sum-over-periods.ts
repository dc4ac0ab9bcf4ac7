import { fromUnits, toUnits } from "@/lib/format/decimal";
import type { CostMeasures, CostRow } from "./query-costs";
import type { CostDimension } from "./schemas";

/** A row's dimension values and measures, without a period. */
export type CostTotalRow = Partial<Record<CostDimension, string>> & CostMeasures;

const COUNTS = ["events", "input_tokens", "output_tokens", "cached_input_tokens", "reasoning_tokens", "unpriced_events"] as const;

/**
 * Rows of a grouped costs answer summed over their periods, one per combination of the
 * `dimensions` values, in first-seen order; costs are summed exactly. A range always spans at
 * least one period (a month at the coarsest), so totals over a range come out of this.
 */
export function sumOverPeriods(rows: readonly CostRow[], dimensions: readonly CostDimension[]): CostTotalRow[] {
  const sums = new Map<string, { row: CostTotalRow; units: bigint }>();
  for (const row of rows) {
    const key = JSON.stringify(dimensions.map((d) => row[d] ?? null));
    const seen = sums.get(key);
    if (seen) {
      seen.units += toUnits(row.cost_usd);
      for (const measure of COUNTS) seen.row[measure] += row[measure];
    } else {
      const values = Object.fromEntries(dimensions.filter((d) => row[d] !== undefined).map((d) => [d, row[d]]));
      const measures = Object.fromEntries(COUNTS.map((m) => [m, row[m]])) as Omit<CostMeasures, "cost_usd">;
      sums.set(key, { row: { ...values, ...measures, cost_usd: row.cost_usd }, units: toUnits(row.cost_usd) });
    }
  }
  return [...sums.values()].map(({ row, units }) => ({ ...row, cost_usd: fromUnits(units) }));
}
