import type { OrgContext } from "@/lib/auth/org-context";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { validateEvents } from "@/lib/ingest/validate-events";
import { toPartialSuccess, type PartialSuccess } from "./export-trace-response";
import type { ExportTraceRequest } from "./schemas";
import { spansToEvents, type RejectedSpan } from "./spans-to-events";

/** What an export came to: events stored and already there, and the spans rejected. */
export type OtlpIngestResult = { accepted: number; duplicates: number; partialSuccess: PartialSuccess | null };

/**
 * Stores the model calls of an OTLP trace export as events, through the same validation,
 * pricing and idempotent write as `POST /api/v1/events`; re-sent spans are duplicates.
 */
export async function ingestOtlpTraces(ctx: OrgContext, request: ExportTraceRequest, now: Date = new Date()): Promise<OtlpIngestResult> {
  const { events, rejected } = spansToEvents(request);
  const { valid, errors } = validateEvents(events, now);
  const invalid: RejectedSpan[] = errors.map((e) => ({ spanId: String(events[e.index].id).split(":")[1] ?? String(events[e.index].id), message: e.message }));
  const { accepted, duplicates } = await ingestEvents(ctx, valid);
  return { accepted, duplicates, partialSuccess: toPartialSuccess([...rejected, ...invalid]) };
}
