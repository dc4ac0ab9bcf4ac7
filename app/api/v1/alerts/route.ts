import { NextResponse } from "next/server";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { withApi } from "@/lib/http/with-api";

/** SPEC 5: the alert feed, newest first, with each alert's delivery status; `before` pages on. */
export const GET = withApi("read", async (req, { ctx }) => {
  // Unknown parameters (such as `org` for sessions) are ignored by the schema.
  return NextResponse.json(await listAlerts(ctx, Object.fromEntries(req.nextUrl.searchParams)));
});
