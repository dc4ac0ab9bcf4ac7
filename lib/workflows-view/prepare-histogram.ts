import { formatUsdUnit } from "@/lib/format/format-money";
import type { HistogramBucket } from "@/lib/runs/cost-histogram";

/** One bar of the cost-per-run histogram, with everything the chart shows already decided. */
export type HistogramBar = { key: string; label: string; range: string; runs: number };

/**
 * Turns API buckets (`[lower, upper)`, the last closed) into chart bars: the axis label is the
 * lower bound, the tooltip range names both bounds and which end is open. Empty buckets stay
 * as zero bars: a count of no runs is a real zero, not a gap.
 */
export function prepareHistogram(buckets: readonly HistogramBucket[]): HistogramBar[] {
  return buckets.map((bucket, i) => {
    const last = i === buckets.length - 1;
    const lower = formatUsdUnit(bucket.lower_usd);
    const upper = formatUsdUnit(bucket.upper_usd);
    const single = bucket.lower_usd === bucket.upper_usd;
    return {
      key: `${i}`,
      label: lower,
      range: single ? lower : `${lower} – ${last ? "" : "under "}${upper}`,
      runs: bucket.runs,
    };
  });
}
