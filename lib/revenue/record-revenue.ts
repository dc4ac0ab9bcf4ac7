import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { toFieldIssues } from "@/lib/errors/zod-issues";
import type { EventError } from "@/lib/ingest/validate-events";
import { revenueSchema } from "./schemas";

/** Validates and stores revenue rows; the same month, feature and customer again replaces the amount. */
export async function recordRevenue(ctx: OrgContext, items: readonly unknown[]) {
  authorizeOrThrow(ctx, "manage_revenue");
  const errors: EventError[] = [];
  const rows = new Map<string, { month: Date; feature: string; customer: string; amountUsd: string }>();
  items.forEach((item, index) => {
    const parsed = revenueSchema.safeParse(item);
    if (!parsed.success) {
      errors.push({ index, id: null, message: toFieldIssues(parsed.error).map((i) => `${i.path}: ${i.message}`).join("; ") });
      return;
    }
    const { month, feature, customer = "", amount_usd } = parsed.data;
    rows.set(JSON.stringify([month, feature, customer]), { month: new Date(`${month}-01T00:00:00Z`), feature, customer, amountUsd: amount_usd });
  });
  if (rows.size > 0) {
    await db.$transaction(async (tx) => {
      for (const row of rows.values()) {
        const key = { orgId_month_feature_customer: { orgId: ctx.orgId, month: row.month, feature: row.feature, customer: row.customer } };
        await tx.revenue.upsert({ where: key, create: { orgId: ctx.orgId, ...row }, update: { amountUsd: row.amountUsd } });
      }
      await recordAudit(tx, ctx, { action: "revenue.recorded", targetType: "revenue", after: { rows: rows.size } });
    });
  }
  return { accepted: rows.size, rejected: errors.length, errors };
}

// Decimal's toString switches to exponent notation for tiny amounts ("1e-10"); the API answers plain decimals.
const plainDecimal = (fixed: string) => fixed.replace(/\.?0+$/, "");

/** The organization's revenue rows, newest month first. */
export async function listRevenue(ctx: OrgContext) {
  authorizeOrThrow(ctx, "read");
  const rows = await db.revenue.findMany({ where: { orgId: ctx.orgId }, orderBy: [{ month: "desc" }, { feature: "asc" }, { customer: "asc" }] });
  return rows.map((r) => ({ month: r.month.toISOString().slice(0, 7), feature: r.feature, customer: r.customer || null, amount_usd: plainDecimal(r.amountUsd.toFixed(10)) }));
}
