import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withApi } from "@/lib/http/with-api";
import { listSanctionedTools, sanctionTool, unsanctionTool } from "@/lib/shadow-ai/sanctioned-tools";

/** The organization's approved AI tools and central licenses. */
export const GET = withApi("read", async (_req, { ctx }) => NextResponse.json({ sanctioned_tools: await listSanctionedTools(ctx) }));

/** Approves a catalog entry (or updates its note and licenses); the audit re-runs. */
export const POST = withApi("manage_shadow_ai", async (req, { ctx }) => NextResponse.json(await sanctionTool(ctx, await readJsonBody(req, 64 * 1024)), { status: 201 }));

/** Removes `?vendor_id=` from the approved list; the audit re-runs. */
export const DELETE = withApi("manage_shadow_ai", async (req, { ctx }) => {
  const vendorId = req.nextUrl.searchParams.get("vendor_id");
  if (!vendorId) throw new AppError("INVALID_INPUT", "vendor_id is required", { issues: [{ path: "vendor_id", message: "is required" }] });
  await unsanctionTool(ctx, vendorId);
  return new NextResponse(null, { status: 204 });
});
