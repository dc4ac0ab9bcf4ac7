import { db } from "@/lib/db";
import { createPricer, type PriceOverrideRule, type Pricer } from "@/lib/pricing/create-pricer";
import { loadCatalog } from "@/lib/pricing/catalog";

// Overrides change rarely and ingestion prices thousands of events a second, so each process
// keeps an organization's pricer briefly; changes made in this process drop it at once.
const TTL_MS = 10_000;
const cache = new Map<string, { pricer: Pricer; loadedAt: number }>();

/** The pricer for an organization: the catalog with its overrides, effective-dated. */
export async function getOrgPricer(orgId: string): Promise<Pricer> {
  const cached = cache.get(orgId);
  if (cached && Date.now() - cached.loadedAt < TTL_MS) return cached.pricer;
  const rows = await db.priceOverride.findMany({ where: { orgId }, orderBy: { effectiveFrom: "asc" } });
  const overrides: PriceOverrideRule[] = rows.map((r) => ({
    kind: r.kind as PriceOverrideRule["kind"],
    provider: r.provider,
    model: r.model,
    discountPct: r.discountPct?.toString() ?? null,
    inputPrice: r.inputPrice?.toString() ?? null,
    outputPrice: r.outputPrice?.toString() ?? null,
    cacheReadPrice: r.cacheReadPrice?.toString() ?? null,
    cacheWritePrice: r.cacheWritePrice?.toString() ?? null,
    reasoningPrice: r.reasoningPrice?.toString() ?? null,
    effectiveFrom: r.effectiveFrom,
  }));
  const pricer = createPricer(loadCatalog(), overrides);
  cache.set(orgId, { pricer, loadedAt: Date.now() });
  return pricer;
}

/** Forgets an organization's pricer after its overrides changed. */
export function forgetOrgPricer(orgId: string): void {
  cache.delete(orgId);
}
