import { NextResponse } from "next/server";
import { updateActionItem } from "@/lib/action-items/update-action-item";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withApi } from "@/lib/http/with-api";

type Params = { id: string };

/** Changes an action item's title, owner, due date, status or note (any member but a VIEWER; a key needs `manage`), audited. */
export const PATCH = withApi<Params>("manage_action_items", async (req, { ctx, params }) => NextResponse.json(await updateActionItem(ctx, params.id, await readJsonBody(req, 64 * 1024))));
