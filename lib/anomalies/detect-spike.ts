import { fromUnits, toUnits } from "@/lib/format/decimal";
import type { RobustBaseline } from "./robust-baseline";

/** A day is a spike only when its robust z-score reaches this (5 robust standard deviations). */
export const Z_THRESHOLD = 5;
/** …and it costs at least this many times the baseline's 90th percentile (so at least 1.5× the median). */
export const MIN_RATIO_TO_P90 = "1.5";
/** …and it costs at least this much more than the median, in USD: cents never alarm. */
export const MIN_EXCESS_USD = "1";
/** The spread never counts as less than 5 % of the median (a perfectly steady series has MAD 0)… */
export const SIGMA_FLOOR_SHARE = "0.05";
/** …nor less than one cent (a series that is usually $0). */
export const SIGMA_FLOOR_USD = "0.01";

/** The verdict on one day against its baseline. */
export type SpikeVerdict = {
  isSpike: boolean;
  /** Cost minus the baseline median (negative below it), exact. */
  excessUsd: string;
  /** Cost ÷ median, 2 decimals; null when the median is $0. */
  ratio: number | null;
  /** (cost − median) ÷ max(MAD × 1.4826, 5 % of median, $0.01), 2 decimals. */
  zScore: number;
};

const ONE = toUnits("1");
const round2 = (n: number) => Math.round(n * 100) / 100;
const max = (...values: bigint[]) => values.reduce((a, b) => (b > a ? b : a));

/**
 * Judges a day's cost against its robust baseline: a spike when z ≥ 5, the cost is at least
 * 1.5 × the baseline's 90th percentile, and it exceeds the median by at least $1. The
 * percentile rule keeps a weekly batch job or a usually-quiet series from alarming on its busy
 * days; the dollar rule keeps cents from ever alarming.
 */
export function detectSpike(costUsd: string, baseline: RobustBaseline): SpikeVerdict {
  const cost = toUnits(costUsd);
  const median = toUnits(baseline.medianUsd);
  const sigma = max(toUnits(baseline.scaledMadUsd), (median * toUnits(SIGMA_FLOOR_SHARE)) / ONE, toUnits(SIGMA_FLOOR_USD));
  const excess = cost - median;
  const z = Number(excess) / Number(sigma);
  const isSpike = z >= Z_THRESHOLD && excess >= toUnits(MIN_EXCESS_USD) && cost * ONE >= toUnits(baseline.p90Usd) * toUnits(MIN_RATIO_TO_P90);
  return { isSpike, excessUsd: fromUnits(excess), ratio: median === BigInt(0) ? null : round2(Number(cost) / Number(median)), zScore: round2(z) };
}
