import { NextResponse } from "next/server";
import { withApi } from "@/lib/http/with-api";
import { getRunOrThrow } from "@/lib/runs/get-run";

// Next.js decodes a dynamic segment exactly once before it reaches `params` (checked on 16.4.6:
// `/runs/a%2520b` gives "a%20b"), so the run id is used as given; decoding it again would corrupt
// run ids that contain a literal "%".
/** SPEC 4: one run with its calls in order, for the run page's waterfall. */
export const GET = withApi<{ run_id: string }>("read", async (_req, { ctx, params }) => NextResponse.json(await getRunOrThrow(ctx, params.run_id)));
