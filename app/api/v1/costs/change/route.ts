import { NextResponse } from "next/server";
import { explainCostChange } from "@/lib/change-analysis/explain-cost-change";
import { withApi } from "@/lib/http/with-api";

/** Why did it change: a period's cost change split into volume, model-mix and unit-price effects. */
export const GET = withApi("read", async (req, { ctx }) => NextResponse.json(await explainCostChange(ctx, req.nextUrl.searchParams)));
