import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withApi } from "@/lib/http/with-api";
import { updateFinding } from "@/lib/shadow-ai/findings";

type Params = { id: string };

/** Changes a finding's status, owner or note (scope `manage`), audited. */
export const PATCH = withApi<Params>("manage_shadow_ai", async (req, { ctx, params }) => NextResponse.json(await updateFinding(ctx, params.id, await readJsonBody(req, 64 * 1024))));
