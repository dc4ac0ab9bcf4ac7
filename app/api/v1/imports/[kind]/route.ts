import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { withApi } from "@/lib/http/with-api";
import { listImportKinds } from "@/lib/imports/import-kinds";
import { readImportBody } from "@/lib/imports/read-import-body";
import type { ImportKindDefinition } from "@/lib/imports/types";

type Params = { kind: string };

function readDryRun(req: NextRequest): boolean {
  const value = req.nextUrl.searchParams.get("dry_run");
  if (value === null || value === "false" || value === "0") return false;
  if (value === "true" || value === "1") return true;
  // A typo must not turn a preview into a commit.
  throw new AppError("INVALID_INPUT", "dry_run must be true or false", { issues: [{ path: "dry_run", message: "must be true or false" }] });
}

function importHandler(definition: ImportKindDefinition) {
  return withApi<Params>(definition.permission, async (req, { ctx }) => {
    const dryRun = readDryRun(req);
    const input = await readImportBody(req, definition.jsonField);
    if (dryRun) return NextResponse.json(await definition.preview(ctx, input));
    const result = await definition.commit(ctx, input);
    if (result.accepted + result.duplicates === 0) {
      const first = result.errors[0];
      const error = first
        ? `No valid rows: ${first.line === null ? `row ${first.index + 1}` : `line ${first.line}`}: ${first.message}${result.rejected > 1 ? ` (and ${result.rejected - 1} more)` : ""}`
        : "No rows to import: the file has a header but no data rows";
      const issues = first
        ? result.errors.map((e) => ({ path: e.line === null ? `${definition.jsonField}.${e.index}` : `line ${e.line}`, message: e.message }))
        : [{ path: "csv", message: "has a header but no data rows" }];
      return NextResponse.json({ error, issues, ...result }, { status: 400 });
    }
    return NextResponse.json(result, { status: result.rejected > 0 ? 207 : 200 });
  });
}

const handlers = new Map(listImportKinds().map(([kind, definition]) => [kind, importHandler(definition)]));

/**
 * SPEC 3: `POST /api/v1/imports/{kind}`, CSV or JSON. `?dry_run=true` answers the preview and
 * stores nothing; a commit answers 200, 207 when some rows were rejected, 400 when none was valid.
 */
export async function POST(req: NextRequest, route: { params: Promise<Params> }): Promise<Response> {
  const { kind } = await route.params;
  const handler = handlers.get(kind);
  if (handler) return handler(req, route);
  return NextResponse.json({ error: `Unknown import kind '${kind}'; the kinds are ${[...handlers.keys()].join(", ")}` }, { status: 404 });
}
