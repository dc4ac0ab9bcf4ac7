import { formatUsdTotal } from "@/lib/format/format-money";
import { exact, toPlain } from "./exact";
import { projectCaching } from "./project-caching";
import { projectRouting } from "./project-routing";
import { mixForScope, untaggedLabel, type ScopedMixRow } from "./scope-mix";
import type { ModelRates, PricedModel } from "./types";

/** A change that would save money, with its estimated monthly value (SPEC 7's board report, SPEC 9). */
export type SavingsLever = { id: string; title: string; detail: string; monthly_saving_usd: string; basis: string };

/** The share of a feature's calls the routing lever moves to the cheaper sibling. */
export const ROUTING_LEVER_SHARE_PCT = "50";
/** The cache-hit rate of input tokens the caching lever assumes. */
export const CACHING_LEVER_HIT_RATE_PCT = "30";
/** At most this many levers, the largest first. */
export const MAX_LEVERS = 10;

/** What the levers are computed from: the window's roll-up rows and how to price models. */
export type LeverInput = {
  rows: readonly ScopedMixRow[];
  windowDays: number;
  ratesOf: (provider: string, model: string) => ModelRates | null;
  cheaperSiblingOf: (provider: string, model: string) => PricedModel | null;
};

/**
 * The savings levers of a window, largest monthly saving first, only positive ones: per feature
 * and model with a cheaper sibling, route ROUTING_LEVER_SHARE_PCT % of its calls there; per model
 * with a cache price, cache CACHING_LEVER_HIT_RATE_PCT % of input tokens.
 */
export function proposeSavingsLevers(input: LeverInput): SavingsLever[] {
  const levers: SavingsLever[] = [];
  const days = `${Number(input.windowDays.toFixed(1))} days`;
  const features = [...new Set(input.rows.map((row) => row.feature))];
  for (const feature of features) {
    const mix = mixForScope(input.rows, { kind: "feature", value: feature });
    for (const row of mix) {
      const target = input.cheaperSiblingOf(row.provider, row.model);
      if (!target) continue;
      const result = projectRouting({ mix, windowDays: input.windowDays, from: row, to: target, sharePct: ROUTING_LEVER_SHARE_PCT });
      levers.push({
        id: `route:${feature}:${row.provider}/${row.model}:${target.model}`,
        title: `Route ${ROUTING_LEVER_SHARE_PCT}% of ${untaggedLabel(feature)}'s ${row.model} calls to ${target.model}`,
        detail: `${row.calls.toLocaleString("en-US")} ${row.model} calls cost ${formatUsdTotal(row.costUsd)} in ${days}; the ${ROUTING_LEVER_SHARE_PCT}% moved cost ${formatUsdTotal(result.moved_cost_usd)} and would cost ${formatUsdTotal(result.moved_cost_at_target_usd)} on ${target.model}.`,
        monthly_saving_usd: result.saving_monthly_usd,
        basis: `${ROUTING_LEVER_SHARE_PCT}% × (stored cost − same tokens at ${target.model}'s prices, ${target.rates.priceKey}) × 30 ÷ ${days}; assumes the same tokens and success on the cheaper model.`,
      });
    }
  }
  for (const row of mixForScope(input.rows, { kind: "all" })) {
    const rates = input.ratesOf(row.provider, row.model);
    if (!rates?.hasCachePrice) continue;
    const result = projectCaching({ row, rates, windowDays: input.windowDays, hitRatePct: CACHING_LEVER_HIT_RATE_PCT });
    levers.push({
      id: `cache:${row.provider}/${row.model}`,
      title: `Cache ${CACHING_LEVER_HIT_RATE_PCT}% of input tokens on ${row.model}`,
      detail: `Today ${result.current_hit_rate_pct ?? "0"}% of its ${row.inputTokens.toLocaleString("en-US")} input tokens in ${days} are cache reads; ${Number(result.additional_cached_tokens).toLocaleString("en-US")} more would bill at the cache-read price.`,
      monthly_saving_usd: result.saving_monthly_usd,
      basis: `additional cached tokens × (input price − cache-read price = $${toPlain(exact(result.saving_per_token_usd), 20)} per token) × 30 ÷ ${days}; cache-write surcharges not counted.`,
    });
  }
  return levers
    .filter((lever) => exact(lever.monthly_saving_usd) > BigInt(0))
    .sort((a, b) => {
      const diff = exact(b.monthly_saving_usd) - exact(a.monthly_saving_usd);
      return diff > BigInt(0) ? 1 : diff < BigInt(0) ? -1 : a.id.localeCompare(b.id);
    })
    .slice(0, MAX_LEVERS);
}
