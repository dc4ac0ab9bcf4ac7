import { NextResponse } from "next/server";
import { readBatch, readJsonBodyText } from "@/lib/http/read-json-body";
import { withApi } from "@/lib/http/with-api";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { MAX_BODY_BYTES, MAX_EVENTS_PER_BATCH } from "@/lib/ingest/schemas";
import { validateEvents } from "@/lib/ingest/validate-events";

/** SPEC 2.1: a batch of 1 to 1,000 events; 200, 207 when some were rejected, 400 when none was valid. */
export const POST = withApi("ingest", async (req, { ctx }) => {
  // Each event is checked for text PostgreSQL cannot store on its own, so one does not cost the batch.
  const { body, mayHoldUnstorableText } = await readJsonBodyText(req, MAX_BODY_BYTES);
  const items = readBatch(body, "events", MAX_EVENTS_PER_BATCH);
  const { valid, errors } = validateEvents(items, new Date(), { checkText: mayHoldUnstorableText });
  if (valid.length === 0) {
    const error = `No valid events: ${errors[0].message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}`;
    const issues = errors.map((e) => ({ path: `events.${e.index}`, message: e.message }));
    return NextResponse.json({ error, issues, accepted: 0, duplicates: 0, rejected: errors.length, errors }, { status: 400 });
  }
  const { accepted, duplicates } = await ingestEvents(ctx, valid);
  return NextResponse.json({ accepted, duplicates, rejected: errors.length, errors }, { status: errors.length ? 207 : 200 });
});
