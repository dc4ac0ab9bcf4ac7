import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { foundOrThrow } from "@/lib/errors/app-error";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { budgetSettings, toBudgetJson } from "./budget-json";
import { auditView, storedChannels } from "./create-budget";
import { evaluateBudgetsSafely } from "./evaluate-after-change";
import { readBudgetOrThrow } from "./list-budgets";
import { createBudgetSchema, storedScopeValue, updateBudgetSchema, type BudgetJson, type StoredChannel, type UpdateBudgetInput } from "./schemas";

/**
 * Changes a budget (FINANCE and above, or a `manage` key): the given fields replace the stored
 * ones, the result is checked as a whole (so `yellow_pct` above the stored `red_pct` is refused),
 * then the budget is evaluated again; a change of level raises an alert. A webhook sent without
 * `secret` keeps the secret stored for the same URL (reads never show it); `secret: null` removes it.
 */
export async function updateBudget(ctx: OrgContext, budgetId: string, input: UpdateBudgetInput, now: Date = new Date()): Promise<BudgetJson> {
  authorizeOrThrow(ctx, "manage_budgets");
  const patch = parseOrThrow(updateBudgetSchema, input);
  await db.$transaction(async (tx) => {
    const stored = foundOrThrow(await tx.budget.findUnique({ where: { orgId_id: { orgId: ctx.orgId, id: budgetId } } }), "Budget");
    const current = toBudgetJson(stored, ctx.timeZone);
    const storedChannelList = stored.channels as StoredChannel[];
    const channels = patch.channels?.map((c) => {
      if (c.type !== "webhook" || c.secret !== undefined) return c;
      const previous = storedChannelList.find((s) => s.type === "webhook" && s.url === c.url);
      return previous?.type === "webhook" && previous.secret ? { ...c, secret: previous.secret } : c;
    });
    const merged = parseOrThrow(createBudgetSchema, {
      name: patch.name ?? current.name,
      scope: patch.scope ?? current.scope,
      period: patch.period ?? current.period,
      amount_usd: patch.amount_usd ?? current.amount_usd,
      yellow_pct: patch.yellow_pct ?? current.yellow_pct,
      red_pct: patch.red_pct ?? current.red_pct,
      workflow_cap_pct: patch.workflow_cap_pct ?? current.workflow_cap_pct,
      channels: channels ?? storedChannelList,
    });
    const nextChannels = storedChannels(merged.channels);
    await tx.budget.update({
      where: { orgId_id: { orgId: ctx.orgId, id: budgetId } },
      data: {
        name: merged.name,
        scopeDimension: merged.scope.dimension,
        scopeValue: storedScopeValue(merged.scope.value),
        period: merged.period,
        amountUsd: merged.amount_usd,
        yellowPct: merged.yellow_pct,
        redPct: merged.red_pct,
        workflowCapPct: merged.workflow_cap_pct,
        channels: nextChannels,
      },
    });
    await recordAudit(tx, ctx, { action: "budget.updated", targetType: "budget", targetId: budgetId, before: budgetSettings(current), after: auditView(merged, nextChannels) });
  });
  await evaluateBudgetsSafely(ctx.orgId, now, [budgetId]);
  return readBudgetOrThrow(ctx, budgetId);
}
