import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { withApi } from "@/lib/http/with-api";
import { listFindings } from "@/lib/shadow-ai/findings";
import { FINDING_KINDS } from "@/lib/shadow-ai/run-audit";
import { FINDING_STATUSES } from "@/lib/shadow-ai/schemas";

function readList(params: URLSearchParams, name: string, allowed: readonly string[]): string[] {
  const values = params.getAll(name);
  const bad = values.find((v) => !allowed.includes(v));
  if (bad !== undefined) throw new AppError("INVALID_INPUT", `${name} must be one of ${allowed.join(", ")}`, { issues: [{ path: name, message: `"${bad.slice(0, 40)}" is not one of ${allowed.join(", ")}` }] });
  return values;
}

/** SPEC 6: the organization's Shadow AI findings, largest first; `status` and `kind` filter (repeatable). */
export const GET = withApi("read", async (req, { ctx }) => {
  const params = req.nextUrl.searchParams;
  const findings = await listFindings(ctx, { status: readList(params, "status", FINDING_STATUSES), kind: readList(params, "kind", FINDING_KINDS) });
  return NextResponse.json({ findings });
});
