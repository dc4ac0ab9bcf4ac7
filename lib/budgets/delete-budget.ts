import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { foundOrThrow } from "@/lib/errors/app-error";
import { budgetSettings, toBudgetJson } from "./budget-json";

/**
 * Deletes a budget (FINANCE and above, or a `manage` key). Its alerts stay in the feed (they carry
 * the budget's name), and deliveries already in the outbox still go out.
 */
export async function deleteBudget(ctx: OrgContext, budgetId: string): Promise<void> {
  authorizeOrThrow(ctx, "manage_budgets");
  await db.$transaction(async (tx) => {
    const stored = foundOrThrow(await tx.budget.findUnique({ where: { orgId_id: { orgId: ctx.orgId, id: budgetId } } }), "Budget");
    await tx.budget.delete({ where: { orgId_id: { orgId: ctx.orgId, id: budgetId } } });
    await recordAudit(tx, ctx, { action: "budget.deleted", targetType: "budget", targetId: budgetId, before: budgetSettings(toBudgetJson(stored, ctx.timeZone)) });
  });
}
