import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { parseReviewWeek } from "@/lib/weekly-review/review-week";
import { toActionItemJson } from "./action-item-json";
import { CLOSED_STATUSES, createActionItemSchema, type ActionItemJson } from "./schemas";

const utcDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** Raises an action item in a week (default: the current week in the organization's zone), audited. */
export async function createActionItem(ctx: OrgContext, input: unknown, now: Date = new Date()): Promise<ActionItemJson> {
  authorizeOrThrow(ctx, "manage_action_items");
  const item = parseOrThrow(createActionItemSchema, input);
  const week = parseReviewWeek(item.week, ctx.timeZone, now);
  return db.$transaction(async (tx) => {
    const row = await tx.actionItem.create({
      data: {
        orgId: ctx.orgId,
        weekStart: utcDate(week.startDate),
        title: item.title,
        owner: item.owner ?? null,
        dueDate: item.due_date ? utcDate(item.due_date) : null,
        status: item.status,
        note: item.note ?? null,
        source: item.source ?? null,
        createdBy: ctx.actorLabel,
        closedAt: CLOSED_STATUSES.includes(item.status) ? now : null,
      },
    });
    const json = toActionItemJson(row);
    await recordAudit(tx, ctx, { action: "action_item.create", targetType: "action_item", targetId: row.id, after: json });
    return json;
  });
}
