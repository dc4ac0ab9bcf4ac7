import { NextResponse } from "next/server";
import { withApi } from "@/lib/http/with-api";
import { undoShadowAiImport } from "@/lib/shadow-ai/import-files";

type Params = { id: string };

/** Undoes an import: its rows are deleted, it is marked undone (audited), findings are recomputed. */
export const DELETE = withApi<Params>("manage_shadow_ai", async (_req, { ctx, params }) => NextResponse.json(await undoShadowAiImport(ctx, params.id)));
