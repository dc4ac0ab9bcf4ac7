import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, foundOrThrow } from "@/lib/errors/app-error";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { readAlertOrThrow } from "./list-alerts";
import { acknowledgeAlertSchema, type AcknowledgeAlertInput } from "./schemas";

/** Acknowledges an alert with an optional note (FINANCE and above, or a `manage` key); once only. */
export async function acknowledgeAlert(ctx: OrgContext, alertId: string, input: AcknowledgeAlertInput = {}, now: Date = new Date()) {
  authorizeOrThrow(ctx, "manage_budgets");
  const { note } = parseOrThrow(acknowledgeAlertSchema, input);
  await db.$transaction(async (tx) => {
    const alert = foundOrThrow(await tx.alert.findUnique({ where: { orgId_id: { orgId: ctx.orgId, id: alertId } } }), "Alert");
    // Conditional, so two people acknowledging at once cannot both succeed.
    const updated = await tx.alert.updateMany({
      where: { orgId: ctx.orgId, id: alertId, acknowledgedAt: null },
      data: { acknowledgedAt: now, acknowledgedById: ctx.userId, acknowledgedBy: ctx.actorLabel, note: note || null },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", `This alert was already acknowledged${alert.acknowledgedBy ? ` by ${alert.acknowledgedBy}` : ""}`);
    await recordAudit(tx, ctx, { action: "alert.acknowledged", targetType: "alert", targetId: alertId, after: { note: note || null, level: alert.level, budgetId: alert.budgetId } });
  });
  return readAlertOrThrow(ctx, alertId);
}
