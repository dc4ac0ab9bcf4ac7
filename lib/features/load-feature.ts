import "server-only";
import type { OrgContext } from "@/lib/auth/org-context";
import { queryCosts } from "@/lib/costs/query-costs";
import { UNTAGGED, type CostDimension } from "@/lib/costs/schemas";
import { sumOverPeriods } from "@/lib/costs/sum-over-periods";
import { divideDecimal, sumDecimals } from "@/lib/format/decimal";
import { compareAmounts, type Change } from "@/lib/overview/compare-periods";
import { fillDailySpend, type SpendPoint } from "@/lib/overview/prepare-spend-series";
import { rangeDates, type FeatureRange } from "./feature-range";
import { prepareBreakdown, type BreakdownRow } from "./prepare-breakdown";
import { prepareMix, type MixSlice } from "./prepare-features";
import { countRunsByWorkflow } from "./runs-by-feature";

/** One feature in a range (SPEC 4, page 2): its figures, daily spend and where the money goes. */
export type FeatureView = {
  name: string;
  costUsd: string;
  previousUsd: string;
  change: Change;
  events: number;
  costPerCallUsd: string | null;
  runs: number;
  costPerDecisionUsd: string | null;
  series: SpendPoint[];
  mix: MixSlice[];
  workflows: BreakdownRow[];
  models: BreakdownRow[];
  customers: BreakdownRow[];
};

/**
 * One feature (`(untagged)` for events without one): five roll-up queries filtered to it and one
 * count of its runs per workflow, in parallel. A day in the range without spend is $0 from the
 * feature's first day in the range on, a gap before it.
 */
export async function loadFeature(ctx: OrgContext, name: string, range: FeatureRange): Promise<FeatureView> {
  const filters = { feature: [name === UNTAGGED ? "" : name] };
  const grouped = async (groupBy: CostDimension[], from = range.from, to = range.to) => {
    const result = await queryCosts(ctx, { from, to, granularity: "month", groupBy, filters, format: "json" });
    return { total: result.total, rows: sumOverPeriods(result.rows, groupBy) };
  };
  const [byWorkflow, byModel, byCustomer, previous, daily, runs] = await Promise.all([
    grouped(["workflow"]),
    grouped(["provider", "model"]),
    grouped(["customer"]),
    grouped([], range.previousFrom, range.from),
    queryCosts(ctx, { from: range.from, to: range.to, granularity: "day", groupBy: [], filters, format: "json" }),
    countRunsByWorkflow(ctx, filters.feature[0], range.from, range.to),
  ]);
  const total = byWorkflow.total;
  const named = (rows: typeof byWorkflow.rows, label: (row: (typeof rows)[number]) => string) => rows.map((row) => ({ ...row, name: label(row) }));
  const firstDay = daily.rows[0]?.period.slice(0, 10) ?? null;
  const spend = fillDailySpend(daily.rows, rangeDates(range), firstDay);
  const runCount = runs.reduce((sum, r) => sum + r.runs, 0);
  const models = prepareBreakdown(named(byModel.rows, (r) => `${r.provider ?? UNTAGGED}/${r.model ?? UNTAGGED}`), total.cost_usd);
  return {
    name,
    costUsd: total.cost_usd,
    previousUsd: previous.total.cost_usd,
    change: compareAmounts(total.cost_usd, previous.total.cost_usd),
    events: total.events,
    costPerCallUsd: divideDecimal(total.cost_usd, total.events),
    runs: runCount,
    costPerDecisionUsd: divideDecimal(sumDecimals(runs.map((r) => r.costUsd)), runCount),
    series: [...spend].map(([date, usd]) => ({ date, spend: usd === null ? null : Number(usd), forecast: null })),
    mix: prepareMix(models.map((m) => ({ label: m.name, costUsd: m.costUsd }))),
    workflows: prepareBreakdown(named(byWorkflow.rows, (r) => r.workflow ?? UNTAGGED), total.cost_usd, runs),
    models,
    customers: prepareBreakdown(named(byCustomer.rows, (r) => r.customer ?? UNTAGGED), total.cost_usd),
  };
}
