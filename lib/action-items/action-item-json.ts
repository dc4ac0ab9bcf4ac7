import type { ActionItem } from "@/lib/db/generated/client";
import { isoWeekOfDate } from "@/lib/weekly-review/review-week";
import type { ActionItemJson, ActionItemStatus } from "./schemas";

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

/** A stored item in the API's snake_case shape; `@db.Date` columns come back as UTC midnights. */
export function toActionItemJson(row: ActionItem): ActionItemJson {
  const weekStart = dateOnly(row.weekStart);
  const { isoYear, isoWeek } = isoWeekOfDate(weekStart);
  return {
    id: row.id,
    week: `${isoYear}-W${String(isoWeek).padStart(2, "0")}`,
    week_start: weekStart,
    title: row.title,
    owner: row.owner,
    due_date: row.dueDate ? dateOnly(row.dueDate) : null,
    status: row.status as ActionItemStatus,
    note: row.note,
    source: row.source,
    created_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    closed_at: row.closedAt?.toISOString() ?? null,
  };
}
