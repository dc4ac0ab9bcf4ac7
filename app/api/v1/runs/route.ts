import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { withApi } from "@/lib/http/with-api";
import { listRuns } from "@/lib/runs/list-runs";
import { summarizeWorkflows } from "@/lib/runs/summarize-workflows";

/** SPEC 3/4: the run list (`sort`, filters, keyset `cursor`), or `?summary=workflows` for per-workflow figures. */
export const GET = withApi("read", async (req, { ctx }) => {
  // Unknown parameters (such as `org` for sessions) are ignored by the schemas.
  const query = Object.fromEntries(req.nextUrl.searchParams);
  const summary = req.nextUrl.searchParams.get("summary");
  if (summary === null) return NextResponse.json(await listRuns(ctx, query));
  if (summary !== "workflows") {
    throw new AppError("INVALID_INPUT", "Invalid input: summary: must be workflows", { issues: [{ path: "summary", message: "must be workflows" }] });
  }
  return NextResponse.json(await summarizeWorkflows(ctx, query));
});
