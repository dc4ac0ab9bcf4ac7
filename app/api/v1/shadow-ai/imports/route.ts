import { NextResponse } from "next/server";
import { withApi } from "@/lib/http/with-api";
import { listShadowAiImports } from "@/lib/shadow-ai/import-files";

/** The history of expense and vendor-bill imports, newest first, with undone ones marked. */
export const GET = withApi("read", async (_req, { ctx }) => {
  const imports = await listShadowAiImports(ctx);
  return NextResponse.json({
    imports: imports.map((i) => ({
      id: i.id,
      kind: i.kind,
      file_name: i.fileName,
      rows: i.rows,
      total_usd: i.totalUsd.toFixed(10),
      created_at: i.createdAt.toISOString(),
      created_by: i.createdBy,
      undone_at: i.undoneAt?.toISOString() ?? null,
    })),
  });
});
