import type { CostDimension, Granularity } from "@/lib/costs/schemas";
import { decimalToNumber, fromUnits, toUnits } from "@/lib/format/decimal";
import { formatPeriodLabel, periodStarts } from "./periods";

/** What the preparation reads of a costs answer (SPEC 3's JSON). */
export type CostRowInput = { period: string; cost_usd: string } & Partial<Record<CostDimension, string>>;
export type StackedInput = { from: string; to: string; granularity: Granularity; rows: readonly CostRowInput[] };

/** One bar: the period, its label, and per series key the cost or null (no spend: a gap, not a zero). */
export type StackedPeriod = { period: string; label: string; total: number | null; [seriesKey: string]: string | number | null };

/** One stacked series. `key` is safe as a Recharts dataKey (values may hold dots); `total` is exact. */
export type StackedSeries = { key: string; label: string; total: string; color: string };

export type StackedSeriesData = { periods: StackedPeriod[]; series: StackedSeries[]; total: string };

export const OTHER_KEY = "other";
export const OTHER_LABEL = "Other";
export const ALL_KEY = "all";
export const ALL_LABEL = "All spend";
export const DEFAULT_TOP_N = 8;

/** Series colours in stacking order; "Other" is always grey. */
export const SERIES_COLORS = ["#4f46e5", "#0891b2", "#16a34a", "#ca8a04", "#db2777", "#ea580c", "#7c3aed", "#0d9488", "#65a30d", "#dc2626"];
export const OTHER_COLOR = "#94a3b8";

/**
 * Rows → stacked chart data. Series are the values of `dimension` (or one "All spend" series
 * without one), ranked by exact total cost (ties by label); the first `topN` stay, the rest fold
 * into "Other" (only when more than `topN` exist). Every period of the range is present, in
 * order; a series without rows in a period is null there, and a period without rows has null
 * everywhere, so missing spend shows as a gap, never as a zero. Sums are exact decimals, turned
 * into numbers only for the plotted values.
 */
export function prepareStackedSeries(
  input: StackedInput,
  options: { dimension?: CostDimension; timeZone: string; topN?: number },
): StackedSeriesData {
  const { dimension, timeZone, topN = DEFAULT_TOP_N } = options;
  const valueOf = (row: CostRowInput) => (dimension ? (row[dimension] ?? "(untagged)") : ALL_LABEL);

  // Exact totals per series value and per (period, value).
  const totals = new Map<string, bigint>();
  const cells = new Map<number, Map<string, bigint>>();
  let grand = BigInt(0);
  for (const row of input.rows) {
    const value = valueOf(row);
    const units = toUnits(row.cost_usd);
    grand += units;
    totals.set(value, (totals.get(value) ?? BigInt(0)) + units);
    const at = Date.parse(row.period);
    const cell = cells.get(at) ?? new Map<string, bigint>();
    cell.set(value, (cell.get(value) ?? BigInt(0)) + units);
    cells.set(at, cell);
  }

  const ranked = [...totals.entries()].sort(([a, x], [b, y]) => (x === y ? a.localeCompare(b) : x > y ? -1 : 1));
  const fold = ranked.length > topN;
  const kept = fold ? ranked.slice(0, topN) : ranked;
  const keyOf = new Map<string, string>();
  const series: StackedSeries[] = kept.map(([value, units], i) => {
    const key = dimension ? `s${i}` : ALL_KEY;
    keyOf.set(value, key);
    return { key, label: value, total: fromUnits(units), color: SERIES_COLORS[i % SERIES_COLORS.length] };
  });
  if (fold) {
    const rest = ranked.slice(topN).reduce((sum, [, units]) => sum + units, BigInt(0));
    series.push({ key: OTHER_KEY, label: OTHER_LABEL, total: fromUnits(rest), color: OTHER_COLOR });
  }

  // Every period of the range, plus any row period outside the enumeration (never dropped).
  const starts = new Map<number, string>();
  for (const period of periodStarts(input.from, input.to, input.granularity, timeZone)) starts.set(Date.parse(period), period);
  for (const row of input.rows) if (!starts.has(Date.parse(row.period))) starts.set(Date.parse(row.period), row.period);
  const ordered = [...starts.entries()].sort(([a], [b]) => a - b);
  const years = new Set(ordered.map(([, period]) => period.slice(0, 4)));

  const periods = ordered.map(([at, period]) => {
    const point: StackedPeriod = { period, label: formatPeriodLabel(period, input.granularity, timeZone, years.size > 1), total: null };
    const sums = new Map<string, bigint>();
    for (const [value, units] of cells.get(at) ?? []) {
      const key = keyOf.get(value) ?? OTHER_KEY;
      sums.set(key, (sums.get(key) ?? BigInt(0)) + units);
    }
    let periodTotal: bigint | null = null;
    for (const { key } of series) {
      const units = sums.get(key);
      point[key] = units === undefined ? null : decimalToNumber(fromUnits(units));
      if (units !== undefined) periodTotal = (periodTotal ?? BigInt(0)) + units;
    }
    point.total = periodTotal === null ? null : decimalToNumber(fromUnits(periodTotal));
    return point;
  });

  return { periods, series, total: fromUnits(grand) };
}
