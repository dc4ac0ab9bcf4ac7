// Writes the demo organization's data through the same code the API uses: price overrides first
// (so events are priced with them), then events in batches of 1,000, then outcomes and revenue.
import { systemContext } from "@/lib/setup/system-context";
import { db } from "@/lib/db";
import type { OrgContext } from "@/lib/auth/org-context";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { MAX_EVENTS_PER_BATCH } from "@/lib/ingest/schemas";
import { validateEvents } from "@/lib/ingest/validate-events";
import { recordOutcomes } from "@/lib/outcomes/record-outcomes";
import { createPriceOverride } from "@/lib/price-overrides/create-price-override";
import type { CreatePriceOverrideInput } from "@/lib/price-overrides/schemas";
import { recordRevenue } from "@/lib/revenue/record-revenue";
import { generateDemoData, type DemoDataOptions } from "./generate-demo-data";

/** What a load did: rows newly stored, and how long it took. */
export type DemoLoadResult = {
  events: number;
  duplicates: number;
  outcomes: number;
  revenue: number;
  priceOverrides: number;
  ms: number;
};

const sameInstant = (a: Date, b: string) => a.getTime() === new Date(b.length === 10 ? `${b}T00:00:00Z` : b).getTime();

/**
 * Loads the generated demo data into the context's organization. Idempotent: event ids are
 * deterministic for a given `now`, and overrides and revenue rows already there are skipped,
 * so a second load with the same options stores nothing.
 */
export async function loadDemoData(ctx: OrgContext, options: DemoDataOptions): Promise<DemoLoadResult> {
  const started = performance.now();
  const data = generateDemoData(options);

  const priceOverrides = await ensurePriceOverrides(ctx, data.priceOverrides);

  let events = 0;
  let duplicates = 0;
  for (let i = 0; i < data.events.length; i += MAX_EVENTS_PER_BATCH) {
    const { valid, errors } = validateEvents(data.events.slice(i, i + MAX_EVENTS_PER_BATCH));
    if (errors.length > 0) throw new Error(`Demo event ${errors[0].id ?? errors[0].index} is invalid: ${errors[0].message}`);
    const result = await ingestEvents(ctx, valid);
    events += result.accepted;
    duplicates += result.duplicates;
  }

  let outcomes = 0;
  for (let i = 0; i < data.outcomes.length; i += MAX_EVENTS_PER_BATCH) {
    const result = await recordOutcomes(ctx, data.outcomes.slice(i, i + MAX_EVENTS_PER_BATCH));
    if (result.rejected > 0) throw new Error(`Demo outcome is invalid: ${result.errors[0].message}`);
    outcomes += result.accepted;
  }

  // Revenue replaces on conflict and records an audit entry per call: send only what is new.
  const stored = await db.revenue.findMany({ where: { orgId: ctx.orgId } });
  const storedKeys = new Set(stored.map((r) => `${r.month.toISOString().slice(0, 7)}\n${r.feature}\n${r.customer}\n${r.amountUsd.toFixed(2)}`));
  const newRevenue = data.revenue.filter((r) => !storedKeys.has(`${r.month}\n${r.feature}\n${r.customer ?? ""}\n${r.amount_usd}`));
  const revenue = newRevenue.length > 0 ? (await recordRevenue(ctx, newRevenue)).accepted : 0;

  return { events, duplicates, outcomes, revenue, priceOverrides, ms: Math.round(performance.now() - started) };
}

/** Adds the overrides the organization does not have yet (same kind, provider, model and date); answers how many it added. */
export async function ensurePriceOverrides(ctx: OrgContext, overrides: readonly CreatePriceOverrideInput[]): Promise<number> {
  const existing = await db.priceOverride.findMany({ where: { orgId: ctx.orgId } });
  let added = 0;
  for (const override of overrides) {
    const model = override.kind === "custom" ? override.model : null;
    const exists = existing.some((o) => o.kind === override.kind && o.provider === override.provider && o.model === model && sameInstant(o.effectiveFrom, override.effective_from));
    if (exists) continue;
    await createPriceOverride(ctx, override);
    added++;
  }
  return added;
}

/** The context start-up loads demo data as: the organization's owner, acting as the system. */
export async function demoLoaderContext(orgId: string): Promise<OrgContext> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
  return systemContext(org, "system (demo data)");
}

/** Loads the demo data when the organization has no events yet; null when it already had some. */
export async function loadDemoDataIfEmpty(orgId: string, options: DemoDataOptions, onStart?: () => void): Promise<DemoLoadResult | null> {
  const any = await db.event.findFirst({ where: { orgId }, select: { id: true } });
  if (any) return null;
  onStart?.();
  return loadDemoData(await demoLoaderContext(orgId), options);
}
