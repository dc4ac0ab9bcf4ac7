import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { forgetOrgPricer } from "@/lib/ingest/org-pricer";
import { repriceEvents } from "./reprice-events";
import { createPriceOverrideSchema, type CreatePriceOverrideInput } from "./schemas";

/**
 * Adds an organization price. Unpriced events it now prices are priced at once (SPEC 2.2:
 * nothing stays unpriced once a price exists); with `reprice`, every computed event it covers
 * from its effective date is priced again, and that re-pricing is audited.
 */
export async function createPriceOverride(ctx: OrgContext, input: CreatePriceOverrideInput) {
  authorizeOrThrow(ctx, "manage_prices");
  const parsed = parseOrThrow(createPriceOverrideSchema, input);
  const effectiveFrom = new Date(parsed.effective_from.length === 10 ? `${parsed.effective_from}T00:00:00Z` : parsed.effective_from);
  const model = parsed.kind === "custom" ? parsed.model : null;
  const override = await db.$transaction(async (tx) => {
    const created = await tx.priceOverride.create({
      data: {
        orgId: ctx.orgId,
        kind: parsed.kind,
        provider: parsed.provider,
        model,
        discountPct: parsed.kind === "discount" ? parsed.discount_pct : null,
        inputPrice: parsed.kind === "custom" ? parsed.input_price : null,
        outputPrice: parsed.kind === "custom" ? parsed.output_price : null,
        cacheReadPrice: parsed.kind === "custom" ? (parsed.cache_read_price ?? null) : null,
        cacheWritePrice: parsed.kind === "custom" ? (parsed.cache_write_price ?? null) : null,
        reasoningPrice: parsed.kind === "custom" ? (parsed.reasoning_price ?? null) : null,
        effectiveFrom,
        createdById: ctx.userId,
      },
    });
    await recordAudit(tx, ctx, {
      action: "price_override.created",
      targetType: "price_override",
      targetId: created.id,
      after: { ...parsed, effective_from: effectiveFrom.toISOString() },
    });
    return created;
  });
  forgetOrgPricer(ctx.orgId);
  const unpriced = await repriceEvents(ctx, { provider: parsed.provider, model, onlyUnpriced: true });
  const repriced = parsed.reprice ? await repriceEvents(ctx, { provider: parsed.provider, model, from: effectiveFrom, onlyUnpriced: false }) : null;
  if (repriced || unpriced.events > 0) {
    await db.$transaction((tx) =>
      recordAudit(tx, ctx, {
        action: "prices.repriced",
        targetType: "price_override",
        targetId: override.id,
        after: { provider: parsed.provider, model, from: repriced ? effectiveFrom.toISOString() : null, previouslyUnpriced: unpriced.events, repricedEvents: repriced?.events ?? 0, costChangeUsd: repriced?.deltaUsd ?? unpriced.deltaUsd },
      }),
    );
  }
  return { id: override.id, pricedUnpriced: unpriced.events, repriced };
}
