import { NextResponse } from "next/server";
import { readBatch, readJsonBody } from "@/lib/http/read-json-body";
import { withApi } from "@/lib/http/with-api";
import { MAX_BODY_BYTES, MAX_EVENTS_PER_BATCH } from "@/lib/ingest/schemas";
import { recordOutcomes } from "@/lib/outcomes/record-outcomes";

/** SPEC 2.3: run outcomes; the latest outcome of a run wins. Same status codes as events. */
export const POST = withApi("ingest", async (req, { ctx }) => {
  const items = readBatch(await readJsonBody(req, MAX_BODY_BYTES), "outcomes", MAX_EVENTS_PER_BATCH);
  const { accepted, superseded, rejected, errors, valid } = await recordOutcomes(ctx, items);
  const body = { accepted, duplicates: superseded, rejected, errors };
  if (valid === 0) {
    const issues = errors.map((e) => ({ path: `outcomes.${e.index}`, message: e.message }));
    return NextResponse.json({ error: `No valid outcomes: ${errors[0].message}`, issues, ...body }, { status: 400 });
  }
  return NextResponse.json(body, { status: rejected ? 207 : 200 });
});
