import { NextResponse } from "next/server";
import { readBatch, readJsonBody } from "@/lib/http/read-json-body";
import { withApi } from "@/lib/http/with-api";
import { MAX_BODY_BYTES, MAX_EVENTS_PER_BATCH } from "@/lib/ingest/schemas";
import { listRevenue, recordRevenue } from "@/lib/revenue/record-revenue";

/** SPEC 7: revenue per feature (and customer) per month; posting the same key replaces the amount. */
export const POST = withApi("manage_revenue", async (req, { ctx }) => {
  const items = readBatch(await readJsonBody(req, MAX_BODY_BYTES), "revenue", MAX_EVENTS_PER_BATCH);
  const { accepted, rejected, errors } = await recordRevenue(ctx, items);
  if (accepted === 0) {
    const issues = errors.map((e) => ({ path: `revenue.${e.index}`, message: e.message }));
    return NextResponse.json({ error: `No valid revenue rows: ${errors[0].message}`, issues, accepted, rejected, errors }, { status: 400 });
  }
  return NextResponse.json({ accepted, rejected, errors }, { status: rejected ? 207 : 200 });
});

/** The organization's revenue rows. */
export const GET = withApi("read", async (_req, { ctx }) => NextResponse.json({ revenue: await listRevenue(ctx) }));
