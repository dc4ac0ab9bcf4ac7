import type { CostRow } from "@/lib/costs/query-costs";
import { UNTAGGED, type CostDimension } from "@/lib/costs/schemas";
import { sumDecimals, toUnits } from "@/lib/format/decimal";

/** At most this many suggestions per dimension. */
export const MAX_SUGGESTIONS = 200;

/** A dimension's values from costs rows (any periods), dearest first, ties by name; a missing value is `(untagged)`. */
export function scopeSuggestions(rows: readonly Pick<CostRow, CostDimension | "cost_usd">[], dimension: CostDimension): string[] {
  const totals = new Map<string, string[]>();
  for (const row of rows) {
    const value = row[dimension] || UNTAGGED;
    totals.set(value, [...(totals.get(value) ?? []), row.cost_usd]);
  }
  return [...totals]
    .map(([value, costs]) => ({ value, total: sumDecimals(costs) }))
    .sort((a, b) => Number(Math.sign(Number(toUnits(b.total) - toUnits(a.total)))) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.value);
}
