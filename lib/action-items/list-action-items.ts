import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { db } from "@/lib/db";
import { foundOrThrow } from "@/lib/errors/app-error";
import type { ReviewWeek } from "@/lib/weekly-review/review-week";
import { toActionItemJson } from "./action-item-json";
import type { ActionItemJson, WeekActionItemJson } from "./schemas";

const STATUS_ORDER: Record<string, number> = { open: 0, in_progress: 1, done: 2, dropped: 3 };

/**
 * The items a week's review shows: raised in or before the week and not closed before it started.
 * An open item carries from week to week; one closed during a week shows (done) that week and
 * not the next. Open first, then in progress, done, dropped; oldest raised first.
 */
export async function listActionItemsForWeek(ctx: OrgContext, week: ReviewWeek): Promise<WeekActionItemJson[]> {
  authorizeOrThrow(ctx, "read");
  const rows = await db.actionItem.findMany({
    where: {
      orgId: ctx.orgId,
      weekStart: { lte: new Date(`${week.startDate}T00:00:00Z`) },
      OR: [{ closedAt: null }, { closedAt: { gte: week.start } }],
    },
    orderBy: [{ weekStart: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows
    .map((row) => ({
      ...toActionItemJson(row),
      carried_over: row.weekStart.toISOString().slice(0, 10) < week.startDate,
      closed_later: row.closedAt !== null && row.closedAt.getTime() >= week.end.getTime(),
    }))
    .sort((a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9));
}

/** Every item of the organization, newest first; `status` filters. */
export async function listActionItems(ctx: OrgContext, filter: { status?: string[] } = {}): Promise<ActionItemJson[]> {
  authorizeOrThrow(ctx, "read");
  const rows = await db.actionItem.findMany({
    where: { orgId: ctx.orgId, ...(filter.status?.length ? { status: { in: filter.status } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1000,
  });
  return rows.map(toActionItemJson);
}

/** One item of the organization; another organization's item is not found (404). */
export async function getActionItemOrThrow(ctx: OrgContext, id: string): Promise<ActionItemJson> {
  authorizeOrThrow(ctx, "read");
  return toActionItemJson(foundOrThrow(await db.actionItem.findUnique({ where: { orgId_id: { orgId: ctx.orgId, id } } }), "Action item"));
}
