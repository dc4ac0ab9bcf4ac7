import { toFieldIssues } from "@/lib/errors/zod-issues";
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/http/unstorable-text";
import { readRetentionWindow, tooOldMessage } from "@/lib/partitions/event-retention";
import { MAX_FUTURE_MS, eventSchema, normalizeEvent, type NormalizedEvent } from "./schemas";

/** One rejected event, as the response lists it (SPEC 2.1). */
export type EventError = { index: number; id: string | null; message: string };

/** The events of a batch split into those to store and those rejected, with field-level reasons. */
export type ValidatedBatch = { valid: NormalizedEvent[]; errors: EventError[] };

/**
 * Checks each event of a batch on its own, so one bad event never costs the good ones.
 * `checkText: false` skips looking for text PostgreSQL cannot store, for a body known to hold none.
 */
export function validateEvents(items: readonly unknown[], now: Date = new Date(), options: { checkText?: boolean } = {}): ValidatedBatch {
  const checkText = options.checkText ?? true;
  const valid: NormalizedEvent[] = [];
  const errors: EventError[] = [];
  const latest = now.getTime() + MAX_FUTURE_MS;
  const retention = readRetentionWindow(now);
  items.forEach((item, index) => {
    const id = typeof item === "object" && item !== null && typeof (item as { id?: unknown }).id === "string" ? (item as { id: string }).id : null;
    // PostgreSQL would refuse the whole batch's statement for one NUL: refuse the event alone.
    const unstorable = checkText ? findUnstorableText(item) : null;
    if (unstorable) {
      errors.push({ index, id, message: `${unstorable}: ${UNSTORABLE_TEXT_MESSAGE}` });
      return;
    }
    const parsed = eventSchema.safeParse(item);
    if (!parsed.success) {
      const message = toFieldIssues(parsed.error)
        .map((i) => `${i.path}: ${i.message}`)
        .join("; ");
      errors.push({ index, id, message });
      return;
    }
    const event = normalizeEvent(parsed.data);
    if (event.timestamp.getTime() > latest) {
      errors.push({ index, id, message: "timestamp: must not be more than 5 minutes in the future" });
      return;
    }
    // Its month's raw events are gone (or going): storing it would re-create the month, and its key
    // could no longer tell a re-sent event from a new one.
    if (retention && event.timestamp < retention.oldest) {
      errors.push({ index, id, message: tooOldMessage(retention) });
      return;
    }
    valid.push(event);
  });
  return { valid, errors };
}
