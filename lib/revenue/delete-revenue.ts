import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { foundOrThrow } from "@/lib/errors/app-error";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { revenueKeySchema, type RevenueKeyInput } from "./schemas";

/** Deletes one revenue row (month, feature, customer) of the organization; NOT_FOUND when it has none. */
export async function deleteRevenue(ctx: OrgContext, input: RevenueKeyInput): Promise<void> {
  authorizeOrThrow(ctx, "manage_revenue");
  const { month, feature, customer = "" } = parseOrThrow(revenueKeySchema, input);
  const key = { orgId: ctx.orgId, month: new Date(`${month}-01T00:00:00Z`), feature, customer };
  await db.$transaction(async (tx) => {
    const row = foundOrThrow(await tx.revenue.findUnique({ where: { orgId_month_feature_customer: key } }), "Revenue row");
    await tx.revenue.delete({ where: { orgId_month_feature_customer: key } });
    await recordAudit(tx, ctx, { action: "revenue.deleted", targetType: "revenue", targetId: `${month}/${feature}/${customer}`, before: { month, feature, customer: customer || null, amount_usd: row.amountUsd.toFixed(10) } });
  });
}
