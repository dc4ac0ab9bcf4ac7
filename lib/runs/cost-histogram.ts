import { fromUnits, toUnits } from "./decimal-units";

/** How many buckets a workflow's cost-per-run histogram has at most. */
export const HISTOGRAM_BUCKETS = 20;

/** Equal-width buckets over [min, max], in exact 10^-10 USD units. */
export type HistogramLayout = { lower: bigint; width: bigint; buckets: number };

/** One bucket as the API answers it: `[lower_usd, upper_usd)`, the last one closed at max. */
export type HistogramBucket = { lower_usd: string; upper_usd: string; runs: number };

/**
 * Lays out equal-width buckets from the cheapest to the dearest run. Widths are whole 10^-10 USD
 * units (rounded up, so max always falls in the last bucket); a range narrower than the bucket
 * count gets one bucket per unit, and a single value gets one bucket.
 */
export function layoutHistogram(min: string, max: string, maxBuckets = HISTOGRAM_BUCKETS): HistogramLayout {
  const lower = toUnits(min);
  const range = toUnits(max) - lower;
  if (range < 0n) throw new Error("max must not be below min");
  if (range === 0n) return { lower, width: 1n, buckets: 1 };
  const buckets = range < BigInt(maxBuckets) ? Number(range) : maxBuckets;
  const n = BigInt(buckets);
  return { lower, width: (range + n - 1n) / n, buckets };
}

/** The bucket a cost falls in (costs at max land in the last bucket). */
export function bucketIndex(layout: HistogramLayout, cost: string): number {
  const index = Number((toUnits(cost) - layout.lower) / layout.width);
  return Math.min(Math.max(index, 0), layout.buckets - 1);
}

/** The buckets with their bounds as decimal strings and the given counts (missing counts are 0). */
export function describeBuckets(layout: HistogramLayout, max: string, counts: ReadonlyMap<number, number>): HistogramBucket[] {
  return Array.from({ length: layout.buckets }, (_, i) => {
    const lowerUnits = layout.lower + BigInt(i) * layout.width;
    const last = i === layout.buckets - 1;
    return {
      lower_usd: fromUnits(lowerUnits),
      upper_usd: last ? fromUnits(toUnits(max)) : fromUnits(lowerUnits + layout.width),
      runs: counts.get(i) ?? 0,
    };
  });
}

/** Buckets a list of costs in memory: the reference the SQL bucketing is tested against. */
export function bucketCosts(costs: readonly string[], maxBuckets = HISTOGRAM_BUCKETS): HistogramBucket[] {
  if (costs.length === 0) return [];
  const units = costs.map(toUnits);
  const min = units.reduce((a, b) => (b < a ? b : a));
  const max = units.reduce((a, b) => (b > a ? b : a));
  const layout = layoutHistogram(fromUnits(min), fromUnits(max), maxBuckets);
  const counts = new Map<number, number>();
  for (const cost of costs) {
    const i = bucketIndex(layout, cost);
    counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  return describeBuckets(layout, fromUnits(max), counts);
}
