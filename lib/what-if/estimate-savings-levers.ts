import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { getOrgPricer } from "@/lib/ingest/org-pricer";
import { loadCatalog } from "@/lib/pricing/catalog";
import { loadTokenMix } from "./load-token-mix";
import { createModelPricing } from "./model-pricing";
import { proposeSavingsLevers, type SavingsLever } from "./propose-savings-levers";

export type { SavingsLever } from "./propose-savings-levers";

/** The organization's savings levers over [from, to), each with its estimated monthly saving, largest first. */
export async function estimateSavingsLevers(ctx: OrgContext, range: { from: Date; to: Date }): Promise<SavingsLever[]> {
  authorizeOrThrow(ctx, "read");
  const mix = await loadTokenMix(ctx, range);
  if (mix.rows.length === 0) return [];
  const pricing = createModelPricing(loadCatalog(), await getOrgPricer(ctx.orgId), new Date());
  return proposeSavingsLevers({ rows: mix.rows, windowDays: mix.window_days, ratesOf: pricing.ratesOf, cheaperSiblingOf: pricing.cheaperSiblingOf });
}
