import { fromUnits, toUnits } from "@/lib/format/decimal";

/** Days of history a baseline looks at: the 28 local days before the day judged. */
export const BASELINE_DAYS = 28;
/** Fewer days of history than this give no verdict: a new feature is new, not anomalous. */
export const MIN_HISTORY_DAYS = 7;
/** Scales a MAD to a standard deviation for normally distributed data. */
export const MAD_SCALE = "1.4826";

/** A series' typical day and its spread, from the days before the day judged; amounts are exact decimal strings. */
export type RobustBaseline = {
  /** How many days it rests on (days with no spend count as $0). */
  days: number;
  medianUsd: string;
  /** Median absolute deviation from the median, unscaled. */
  madUsd: string;
  /** MAD × 1.4826: a standard deviation that one runaway day cannot inflate. */
  scaledMadUsd: string;
  /** The 90th percentile (nearest rank): the usual high, which a spike must clearly exceed. */
  p90Usd: string;
};

const medianOfSorted = (sorted: readonly bigint[]): bigint => {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / BigInt(2);
};
const ascending = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Median, MAD and 90th percentile of daily costs (decimal strings, `"0"` for a day without
 * spend), exact to the storage scale. Null with fewer than MIN_HISTORY_DAYS days: no verdict.
 */
export function robustBaseline(values: readonly string[]): RobustBaseline | null {
  if (values.length < MIN_HISTORY_DAYS) return null;
  const units = values.map(toUnits).sort(ascending);
  const median = medianOfSorted(units);
  const deviations = units.map((u) => (u > median ? u - median : median - u)).sort(ascending);
  const mad = medianOfSorted(deviations);
  const p90 = units[Math.ceil(0.9 * units.length) - 1];
  return {
    days: values.length,
    medianUsd: fromUnits(median),
    madUsd: fromUnits(mad),
    scaledMadUsd: fromUnits((mad * toUnits(MAD_SCALE)) / toUnits("1")),
    p90Usd: fromUnits(p90),
  };
}
