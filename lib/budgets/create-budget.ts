import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { redactChannel } from "./budget-json";
import { evaluateBudgetsSafely } from "./evaluate-after-change";
import { readBudgetOrThrow } from "./list-budgets";
import { createBudgetSchema, storedScopeValue, type BudgetJson, type CreateBudgetData, type CreateBudgetInput, type StoredChannel } from "./schemas";

/** Channels as stored: a webhook without a secret stores none. */
export function storedChannels(channels: CreateBudgetData["channels"]): StoredChannel[] {
  return channels.map((c) => (c.type === "email" ? { type: "email", to: c.to } : c.secret ? { type: "webhook", url: c.url, secret: c.secret } : { type: "webhook", url: c.url }));
}

/** A budget's fields for the audit log, without webhook secrets. */
export function auditView(data: CreateBudgetData, channels: StoredChannel[]) {
  return { ...data, channels: channels.map(redactChannel) };
}

/**
 * Creates a budget (FINANCE and above, or a `manage` key) and evaluates it at once, so it has its
 * level, spend and forecast when this returns. A budget that starts over a threshold raises its
 * first alert (from green), like any other change of level.
 */
export async function createBudget(ctx: OrgContext, input: CreateBudgetInput, now: Date = new Date()): Promise<BudgetJson> {
  authorizeOrThrow(ctx, "manage_budgets");
  const data = parseOrThrow(createBudgetSchema, input);
  const channels = storedChannels(data.channels);
  const created = await db.$transaction(async (tx) => {
    const budget = await tx.budget.create({
      data: {
        orgId: ctx.orgId,
        name: data.name,
        scopeDimension: data.scope.dimension,
        scopeValue: storedScopeValue(data.scope.value),
        period: data.period,
        amountUsd: data.amount_usd,
        yellowPct: data.yellow_pct,
        redPct: data.red_pct,
        workflowCapPct: data.workflow_cap_pct,
        channels,
        createdById: ctx.userId,
      },
    });
    await recordAudit(tx, ctx, { action: "budget.created", targetType: "budget", targetId: budget.id, after: auditView(data, channels) });
    return budget;
  });
  await evaluateBudgetsSafely(ctx.orgId, now, [created.id]);
  return readBudgetOrThrow(ctx, created.id);
}
