import { NextResponse } from "next/server";
import { createActionItem } from "@/lib/action-items/create-action-item";
import { listActionItems, listActionItemsForWeek } from "@/lib/action-items/list-action-items";
import { ACTION_ITEM_STATUSES } from "@/lib/action-items/schemas";
import { AppError } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withApi } from "@/lib/http/with-api";
import { parseReviewWeek } from "@/lib/weekly-review/review-week";

/**
 * The organization's action items: with `?week=`, those that week's review shows (raised by then and
 * not closed before it); otherwise all, newest first, `status` filtering (repeatable).
 */
export const GET = withApi("read", async (req, { ctx }) => {
  const params = req.nextUrl.searchParams;
  const week = params.get("week");
  if (week !== null) return NextResponse.json({ action_items: await listActionItemsForWeek(ctx, parseReviewWeek(week, ctx.timeZone)) });
  const status = params.getAll("status");
  const bad = status.find((s) => !(ACTION_ITEM_STATUSES as readonly string[]).includes(s));
  if (bad !== undefined) {
    const message = `must be one of ${ACTION_ITEM_STATUSES.join(", ")}`;
    throw new AppError("INVALID_INPUT", `Invalid input: status: ${message}`, { issues: [{ path: "status", message }] });
  }
  return NextResponse.json({ action_items: await listActionItems(ctx, { status }) });
});

/** Raises an action item (any member but a VIEWER; a key needs `manage`), audited. */
export const POST = withApi("manage_action_items", async (req, { ctx }) => NextResponse.json(await createActionItem(ctx, await readJsonBody(req, 64 * 1024)), { status: 201 }));
