import { NextResponse } from "next/server";
import { withApi } from "@/lib/http/with-api";

/** The organization the key or session acts for (scope `read`): a cheap way to check a key. */
export const GET = withApi("read", async (_req, { ctx }) =>
  NextResponse.json({ id: ctx.orgId, slug: ctx.orgSlug, name: ctx.orgName, time_zone: ctx.timeZone, currency: "USD", via: ctx.apiKeyId ? "api_key" : "session" }),
);
