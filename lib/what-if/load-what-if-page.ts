import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { getOrgPricer } from "@/lib/ingest/org-pricer";
import { loadCatalog } from "@/lib/pricing/catalog";
import { toMonthly } from "./cost-at-rates";
import { exact, sum, toDecimal } from "./exact";
import { loadTokenMix, type WorkflowOutcomes } from "./load-token-mix";
import { modelKey } from "./model-key";
import { createModelPricing } from "./model-pricing";
import { proposeSavingsLevers, type SavingsLever } from "./propose-savings-levers";
import { ALWAYS_OFFERED_PROVIDERS, listRoutableModels } from "./routable-models";
import type { ScopedMixRow } from "./scope-mix";
import type { PricedModel } from "./types";

/** Everything the What-if page renders first and the tools recompute from in the browser. */
export type WhatIfPageData = {
  from: string;
  to: string;
  window_days: number;
  rows: ScopedMixRow[];
  workflows: WorkflowOutcomes[];
  /** Priced models: those the organization used and those calls can be routed to, priced for it today. */
  models: PricedModel[];
  /** modelKey(provider, model) → the cheaper sibling's name, the routing tool's default target. */
  siblings: Record<string, string>;
  levers: SavingsLever[];
  /** The window's spend scaled to a 30-day month: the cloud tool's default. */
  monthly_spend_usd: string;
};

/** Loads the last 30 days' token mix, workflow outcomes, prices and savings levers for the What-if page. */
export async function loadWhatIfPage(ctx: OrgContext, now: Date = new Date()): Promise<WhatIfPageData> {
  authorizeOrThrow(ctx, "read");
  const mix = await loadTokenMix(ctx, undefined, now);
  const catalog = loadCatalog();
  const pricing = createModelPricing(catalog, await getOrgPricer(ctx.orgId), now);
  const used = [...new Map(mix.rows.map((r) => [modelKey(r.provider, r.model), { provider: r.provider, model: r.model }])).values()];
  const offered = listRoutableModels(catalog, [...used.map((m) => m.provider), ...ALWAYS_OFFERED_PROVIDERS]);
  const models = new Map<string, PricedModel>();
  const siblings: Record<string, string> = {};
  for (const { provider, model } of [...used, ...offered]) {
    const rates = pricing.ratesOf(provider, model);
    if (rates) models.set(modelKey(provider, model), { provider, model, rates });
  }
  for (const { provider, model } of used) {
    const sibling = pricing.cheaperSiblingOf(provider, model);
    if (!sibling) continue;
    siblings[modelKey(provider, model)] = sibling.model;
    models.set(modelKey(provider, sibling.model), sibling);
  }
  return {
    from: mix.from,
    to: mix.to,
    window_days: mix.window_days,
    rows: mix.rows,
    workflows: mix.workflows,
    models: [...models.values()],
    siblings,
    levers: proposeSavingsLevers({ rows: mix.rows, windowDays: mix.window_days, ratesOf: pricing.ratesOf, cheaperSiblingOf: pricing.cheaperSiblingOf }),
    monthly_spend_usd: toDecimal(toMonthly(sum(mix.rows.map((r) => exact(r.costUsd))), mix.window_days)),
  };
}
