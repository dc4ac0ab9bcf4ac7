import { createBatcher, type Batcher } from "./create-batcher";
import { deliverBatch, type DeliveryOptions } from "./deliver-batch";
import { registerExitFlush } from "./register-exit-flush";
import { toWireEvent, toWireOutcome } from "./to-wire-event";
import type { DeliveryFailure, DeliveryFailureDetails, MarginalClient, MarginalClientOptions, WireEvent, WireOutcome } from "./types";

/** The most events one request may carry (SPEC 2.1). */
export const MAX_BATCH_SIZE = 1000;

function requireWholeNumber(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

function reportToConsole(failure: DeliveryFailure) {
  console.error(`[marginal] ${failure.message}`);
}

function sleepFor(ms: number): Promise<void> {
  // Not unref'd on purpose: a batch waiting to be retried must keep the process alive, or it is lost.
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A client that queues events and outcomes and sends them to Marginal in batches, retrying safely. */
export function createMarginalClient(options: MarginalClientOptions): MarginalClient {
  if (!options.apiKey) throw new TypeError("apiKey is required");
  // Checked now, so a bad URL fails here rather than as a network error retried eight times.
  const baseUrl = new URL(options.baseUrl).toString().replace(/\/+$/, "");
  const batchSize = requireWholeNumber("batchSize", options.batchSize ?? 500, 1, MAX_BATCH_SIZE);
  const flushIntervalMs = requireWholeNumber("flushIntervalMs", options.flushIntervalMs ?? 2000, 1);
  const maxQueue = requireWholeNumber("maxQueue", options.maxQueue ?? 100_000, 1);
  const maxRetries = requireWholeNumber("maxRetries", options.maxRetries ?? 8, 0);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const onError = options.onError ?? reportToConsole;
  let closed = false;

  function report(failure: DeliveryFailure) {
    try {
      onError(failure);
    } catch (error) {
      // A throwing onError must not break delivery of everything else; the failure is still told.
      console.error("[marginal] onError threw while reporting:", failure.message, error);
    }
  }

  const reportEvents = (details: DeliveryFailureDetails, events: WireEvent[]) => report({ ...details, endpoint: "events", events });
  const reportOutcomes = (details: DeliveryFailureDetails, outcomes: WireOutcome[]) => report({ ...details, endpoint: "outcomes", outcomes });

  function deliveryOptions<T>(path: string, bodyKey: "events" | "outcomes", reportItems: DeliveryOptions<T>["report"]): DeliveryOptions<T> {
    return {
      url: `${baseUrl}${path}`,
      apiKey: options.apiKey,
      bodyKey,
      fetch: fetchImpl,
      maxRetries,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      baseBackoffMs: options.baseBackoffMs ?? 500,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      sleep: options.sleep ?? sleepFor,
      random: options.random ?? Math.random,
      now,
      report: reportItems,
    };
  }

  function batcherFor<T>(path: string, bodyKey: "events" | "outcomes", reportItems: (details: DeliveryFailureDetails, items: T[]) => void): Batcher<T> {
    const delivery = deliveryOptions<T>(path, bodyKey, reportItems);
    return createBatcher<T>({
      batchSize,
      maxQueue,
      send: (batch) => deliverBatch(batch, delivery),
      reportDropped: (items) =>
        reportItems({ reason: "queue_full", message: `Dropped the ${items.length} oldest ${bodyKey}: more than maxQueue (${maxQueue}) were waiting to be sent` }, items),
      reportUnsent: (items, cause) => reportItems({ reason: "gave_up", cause, message: `Could not send ${items.length} ${bodyKey}: ${String(cause)}` }, items),
    });
  }

  const events = batcherFor<WireEvent>("/api/v1/events", "events", reportEvents);
  const outcomes = batcherFor<WireOutcome>("/api/v1/outcomes", "outcomes", reportOutcomes);

  // unref'd: a quiet client must never keep the process alive; beforeExit sends what is left.
  const timer = setInterval(() => {
    events.requestFlush();
    outcomes.requestFlush();
  }, flushIntervalMs);
  timer.unref?.();

  async function flush() {
    await Promise.all([events.flush(), outcomes.flush()]);
  }

  const unregisterExitFlush =
    options.flushOnExit === false
      ? () => {}
      : registerExitFlush({
          flush,
          hasPending: () => events.pendingItems().length > 0 || outcomes.pendingItems().length > 0,
          timeoutMs: options.exitTimeoutMs ?? 5000,
          reportUnfinished: () => {
            const unsentEvents = events.pendingItems();
            const unsentOutcomes = outcomes.pendingItems();
            const message = "The process is ending on a signal and these were not confirmed sent in time";
            if (unsentEvents.length > 0) reportEvents({ reason: "exit_timeout", message: `${message} (${unsentEvents.length} events)` }, unsentEvents);
            if (unsentOutcomes.length > 0) reportOutcomes({ reason: "exit_timeout", message: `${message} (${unsentOutcomes.length} outcomes)` }, unsentOutcomes);
          },
        });

  return {
    track(input) {
      const event = toWireEvent(input, now(), () => globalThis.crypto.randomUUID());
      if (closed) reportEvents({ reason: "closed", message: "track was called after shutdown; the event was not sent" }, [event]);
      else events.add(event);
      return event;
    },
    trackOutcome(input) {
      const outcome = toWireOutcome(input, now());
      if (closed) reportOutcomes({ reason: "closed", message: "trackOutcome was called after shutdown; the outcome was not sent" }, [outcome]);
      else outcomes.add(outcome);
      return outcome;
    },
    flush,
    async shutdown() {
      closed = true;
      clearInterval(timer);
      unregisterExitFlush();
      await flush();
    },
  };
}
