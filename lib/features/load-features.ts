import "server-only";
import type { OrgContext } from "@/lib/auth/org-context";
import { queryCosts } from "@/lib/costs/query-costs";
import { sumOverPeriods } from "@/lib/costs/sum-over-periods";
import { compareAmounts, type Change } from "@/lib/overview/compare-periods";
import type { FeatureRange } from "./feature-range";
import { prepareFeatureRows, type FeatureRow } from "./prepare-features";
import { countRunsByFeature } from "./runs-by-feature";

export type FeaturesView = { totalUsd: string; previousTotalUsd: string; change: Change; events: number; rows: FeatureRow[] };

/**
 * The features page (SPEC 4, page 2): three grouped roll-up queries (by feature, by feature and
 * model, the previous period by feature) and one count of runs per feature, in parallel.
 */
export async function loadFeatures(ctx: OrgContext, range: FeatureRange): Promise<FeaturesView> {
  // Month is the coarsest period, so a range across a month start has two rows per value: summed here.
  const costs = async (from: Date, to: Date, groupBy: ("feature" | "provider" | "model")[]) => {
    const result = await queryCosts(ctx, { from, to, granularity: "month", groupBy, filters: {}, format: "json" });
    return { total: result.total, rows: sumOverPeriods(result.rows, groupBy) };
  };
  const [current, models, previous, runs] = await Promise.all([
    costs(range.from, range.to, ["feature"]),
    costs(range.from, range.to, ["feature", "provider", "model"]),
    costs(range.previousFrom, range.from, ["feature"]),
    countRunsByFeature(ctx, range.from, range.to),
  ]);
  return {
    totalUsd: current.total.cost_usd,
    previousTotalUsd: previous.total.cost_usd,
    change: compareAmounts(current.total.cost_usd, previous.total.cost_usd),
    events: current.total.events,
    rows: prepareFeatureRows({ current: current.rows, previous: previous.rows, models: models.rows, runs, totalUsd: current.total.cost_usd }),
  };
}
