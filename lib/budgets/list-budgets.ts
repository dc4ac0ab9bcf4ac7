import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { db } from "@/lib/db";
import { foundOrThrow } from "@/lib/errors/app-error";
import { toBudgetJson } from "./budget-json";
import type { BudgetJson } from "./schemas";

const LEVEL_ORDER: Record<string, number> = { red: 0, yellow: 1, green: 2 };

/** The organization's budgets with their last evaluation, red first, then yellow, then green, then by name. */
export async function listBudgets(ctx: OrgContext): Promise<BudgetJson[]> {
  authorizeOrThrow(ctx, "read");
  const rows = await db.budget.findMany({ where: { orgId: ctx.orgId }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return rows.sort((a, b) => (LEVEL_ORDER[a.level] ?? 3) - (LEVEL_ORDER[b.level] ?? 3)).map((row) => toBudgetJson(row, ctx.timeZone));
}

/** One budget of the organization; another organization's budget is not found (404). */
export async function getBudgetOrThrow(ctx: OrgContext, budgetId: string): Promise<BudgetJson> {
  authorizeOrThrow(ctx, "read");
  return readBudgetOrThrow(ctx, budgetId);
}

/**
 * The answer to a budget write the caller has already authorized: it must not demand `read` as
 * well, or a `manage`-only key's change would be committed and still answered 401.
 */
export async function readBudgetOrThrow(ctx: OrgContext, budgetId: string): Promise<BudgetJson> {
  const row = foundOrThrow(await db.budget.findUnique({ where: { orgId_id: { orgId: ctx.orgId, id: budgetId } } }), "Budget");
  return toBudgetJson(row, ctx.timeZone);
}
