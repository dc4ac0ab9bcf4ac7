import { computeBackoffMs } from "./compute-backoff";
import { parseRetryAfterMs } from "./parse-retry-after";
import { readErrorMessage, readItemErrors } from "./read-item-errors";
import type { DeliveryFailureDetails, ServerItemError } from "./types";

/** Where and how to send batches, and whom to tell about items that will not arrive. */
export type DeliveryOptions<T> = {
  url: string;
  apiKey: string;
  /** The body's array key: `{ events: [...] }` or `{ outcomes: [...] }`. */
  bodyKey: "events" | "outcomes";
  fetch: typeof fetch;
  maxRetries: number;
  requestTimeoutMs: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  report: (details: DeliveryFailureDetails, items: T[]) => void;
};

// Retry-After is honoured, but a misconfigured server asking for hours should not hold a batch that long.
const MAX_RETRY_AFTER_MS = 10 * 60 * 1000;

type Answer = { status: number; body: unknown; retryAfterMs: number | null } | { networkError: unknown };

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

async function postOnce<T>(body: string, options: DeliveryOptions<T>): Promise<Answer> {
  try {
    const response = await options.fetch(options.url, {
      method: "POST",
      headers: { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json" },
      body,
      signal: AbortSignal.timeout(options.requestTimeoutMs),
    });
    // Reading the whole body frees the connection for reuse, and a 207/400 body names the rejected items.
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed, retryAfterMs: parseRetryAfterMs(response.headers.get("retry-after"), options.now()) };
  } catch (networkError) {
    return { networkError };
  }
}

function describeErrors(errors: ServerItemError[]): string {
  if (errors.length === 0) return "";
  const first = `[${errors[0].index}] ${errors[0].message}`;
  return errors.length > 1 ? `: ${first} (and ${errors.length - 1} more)` : `: ${first}`;
}

/** The items the errors name, with the errors re-indexed to positions in that list. */
function pickNamedItems<T>(items: T[], errors: ServerItemError[]): { items: T[]; serverErrors: ServerItemError[] } {
  const indexes = [...new Set(errors.map((e) => e.index))].sort((a, b) => a - b);
  const position = new Map(indexes.map((index, pos) => [index, pos]));
  return { items: indexes.map((i) => items[i]), serverErrors: errors.map((e) => ({ ...e, index: position.get(e.index) as number })) };
}

function reportAccepted<T>(items: T[], status: number, body: unknown, options: DeliveryOptions<T>) {
  const errors = readItemErrors(body, options.bodyKey, items.length);
  if (errors.length > 0) {
    const named = pickNamedItems(items, errors);
    options.report(
      { reason: "rejected", status, serverErrors: named.serverErrors, message: `Marginal rejected ${named.items.length} of ${items.length} ${options.bodyKey} (HTTP ${status})${describeErrors(named.serverErrors)}` },
      named.items,
    );
    return;
  }
  const rejected = (body as { rejected?: unknown } | null)?.rejected;
  if (status === 207 || (typeof rejected === "number" && rejected > 0)) {
    // Some were refused but the body does not say which: report them all rather than lose any quietly.
    options.report({ reason: "rejected", status, message: `Marginal rejected some of ${items.length} ${options.bodyKey} (HTTP ${status}) without naming them` }, items);
  }
}

function reportRefused<T>(items: T[], status: number, body: unknown, options: DeliveryOptions<T>) {
  const serverErrors = readItemErrors(body, options.bodyKey, items.length);
  const reason = status === 401 || status === 403 ? "unauthorized" : "rejected";
  const summary = readErrorMessage(body) ?? (typeof body === "string" && body ? body.slice(0, 200) : `HTTP ${status}`);
  options.report(
    { reason, status, serverErrors, message: `Marginal refused ${items.length} ${options.bodyKey} (HTTP ${status}): ${summary}${describeErrors(serverErrors)}` },
    items,
  );
}

/**
 * Sends one batch until it is delivered or reported: retries 408/429/5xx and network errors with
 * backoff (the same body, so the server's idempotency absorbs repeats), splits on 413, and
 * reports 400/207 rejections, 401/403 and exhausted retries. Never throws for a delivery failure.
 */
export async function deliverBatch<T>(items: T[], options: DeliveryOptions<T>): Promise<void> {
  if (items.length === 0) return;
  let body: string;
  try {
    body = JSON.stringify({ [options.bodyKey]: items });
  } catch (cause) {
    options.report({ reason: "rejected", cause, message: `Could not serialise ${items.length} ${options.bodyKey}: ${String(cause)}` }, items);
    return;
  }

  for (let attempt = 0; ; attempt++) {
    const answer = await postOnce(body, options);
    if ("status" in answer) {
      const { status } = answer;
      if (status >= 200 && status < 300) return reportAccepted(items, status, answer.body, options);
      if (status === 413) {
        if (items.length === 1) {
          options.report({ reason: "too_large", status, message: `One of the ${options.bodyKey} is larger than Marginal accepts (HTTP 413)` }, items);
          return;
        }
        const middle = Math.ceil(items.length / 2);
        await deliverBatch(items.slice(0, middle), options);
        await deliverBatch(items.slice(middle), options);
        return;
      }
      if (!isRetryableStatus(status)) return reportRefused(items, status, answer.body, options);
    }

    if (attempt >= options.maxRetries) {
      const last = "status" in answer ? `HTTP ${answer.status}` : String((answer.networkError as { cause?: unknown })?.cause ?? answer.networkError);
      options.report(
        {
          reason: "gave_up",
          message: `Gave up on ${items.length} ${options.bodyKey} after ${attempt + 1} attempts; last: ${last}`,
          ...("status" in answer ? { status: answer.status } : { cause: answer.networkError }),
        },
        items,
      );
      return;
    }
    const retryAfterMs = "status" in answer ? answer.retryAfterMs : null;
    const waitMs = retryAfterMs !== null ? Math.min(retryAfterMs, MAX_RETRY_AFTER_MS) : computeBackoffMs(attempt, options.baseBackoffMs, options.maxBackoffMs, options.random);
    await options.sleep(waitMs);
  }
}
