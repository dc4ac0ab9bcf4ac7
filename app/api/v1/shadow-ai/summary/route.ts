import { NextResponse } from "next/server";
import { withApi } from "@/lib/http/with-api";
import { summarizeGovernance } from "@/lib/shadow-ai/summarize-governance";

/** SPEC 6: AI spend per month inside and outside governance. */
export const GET = withApi("read", async (_req, { ctx }) => NextResponse.json({ currency: "USD", months: await summarizeGovernance(ctx) }));
