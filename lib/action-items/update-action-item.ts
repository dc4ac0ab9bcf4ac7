import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { foundOrThrow } from "@/lib/errors/app-error";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { toActionItemJson } from "./action-item-json";
import { CLOSED_STATUSES, updateActionItemSchema, type ActionItemJson, type ActionItemStatus } from "./schemas";

const utcDate = (date: string) => new Date(`${date}T00:00:00Z`);
const isClosed = (status: string) => CLOSED_STATUSES.includes(status as ActionItemStatus);

/**
 * Changes an item's title, owner, due date, status or note, audited with before and after.
 * Closing (done, dropped) stamps `closedAt` once; reopening clears it, so the item carries over again.
 */
export async function updateActionItem(ctx: OrgContext, id: string, input: unknown, now: Date = new Date()): Promise<ActionItemJson> {
  authorizeOrThrow(ctx, "manage_action_items");
  const change = parseOrThrow(updateActionItemSchema, input);
  return db.$transaction(async (tx) => {
    const where = { orgId_id: { orgId: ctx.orgId, id } };
    const before = foundOrThrow(await tx.actionItem.findUnique({ where }), "Action item");
    const status = change.status ?? before.status;
    const closedAt = isClosed(status) ? (isClosed(before.status) ? before.closedAt : now) : null;
    const after = await tx.actionItem.update({
      where,
      data: {
        ...(change.title !== undefined ? { title: change.title } : {}),
        ...(change.owner !== undefined ? { owner: change.owner } : {}),
        ...(change.note !== undefined ? { note: change.note } : {}),
        ...(change.due_date !== undefined ? { dueDate: change.due_date ? utcDate(change.due_date) : null } : {}),
        status,
        closedAt,
      },
    });
    const beforeJson = toActionItemJson(before);
    const afterJson = toActionItemJson(after);
    const fields = ["title", "owner", "due_date", "status", "note", "closed_at"] as const;
    await recordAudit(tx, ctx, {
      action: "action_item.update",
      targetType: "action_item",
      targetId: id,
      before: Object.fromEntries(fields.map((f) => [f, beforeJson[f]])),
      after: Object.fromEntries(fields.map((f) => [f, afterJson[f]])),
    });
    return afterJson;
  });
}
