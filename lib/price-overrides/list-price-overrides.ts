import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";

/** The organization's prices as the API shows them (snake_case, decimals as strings), newest first. */
export async function listPriceOverrides(ctx: OrgContext) {
  authorizeOrThrow(ctx, "read");
  const rows = await db.priceOverride.findMany({ where: { orgId: ctx.orgId }, orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }] });
  const text = (v: { toString(): string } | null) => (v === null ? null : v.toString());
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    provider: r.provider,
    model: r.model,
    discount_pct: text(r.discountPct),
    input_price: text(r.inputPrice),
    output_price: text(r.outputPrice),
    cache_read_price: text(r.cacheReadPrice),
    cache_write_price: text(r.cacheWritePrice),
    reasoning_price: text(r.reasoningPrice),
    effective_from: r.effectiveFrom.toISOString(),
    created_at: r.createdAt.toISOString(),
  }));
}
