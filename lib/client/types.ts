// The client's own types, kept free of the server's Zod schemas so lib/client can be lifted into
// a package on its own. `to-wire-event.test.ts` checks the wire shapes still pass the server's schema.

/** Operations an event may record (SPEC 2.1). */
export type Operation = "chat" | "completion" | "embedding" | "image" | "audio" | "rerank" | "tool" | "other";

/** Token counts of one call, in Marginal's convention: input includes cache reads and writes, output includes reasoning. */
export type EventUsage = {
  inputTokens?: number;
  outputTokens?: number;
  cachedInputTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
};

/** One inference call as `track` takes it (camelCase; converted to the snake_case wire shape). */
export type TrackEventInput = {
  /** Idempotency key; a random UUID is assigned at track time when missing. */
  id?: string;
  /** When the call happened; now when missing. */
  timestamp?: Date | string;
  /** Lower-case provider, e.g. `openai`, `anthropic`, `azure_openai`, `bedrock`, `self_hosted`. */
  provider: string;
  /** The model as the provider names it. */
  model: string;
  operation?: Operation;
  usage?: EventUsage;
  /** The call's cost when you know it (a decimal string keeps it exact); Marginal computes it otherwise. */
  costUsd?: string | number;
  latencyMs?: number;
  status?: "ok" | "error";
  feature?: string;
  team?: string;
  customer?: string;
  environment?: string;
  workflow?: string;
  runId?: string;
  step?: string;
  user?: string;
  tags?: Record<string, string>;
};

/** An event's usage on the wire (SPEC 2.1). */
export type WireUsage = {
  input_tokens: number;
  output_tokens: number;
  cached_input_tokens: number;
  cache_write_tokens: number;
  reasoning_tokens: number;
};

/** An event exactly as it is sent to `POST /api/v1/events`, with its id and timestamp fixed. */
export type WireEvent = {
  id: string;
  timestamp: string;
  provider: string;
  model: string;
  operation?: Operation;
  usage?: Partial<WireUsage>;
  cost_usd?: string | number;
  latency_ms?: number;
  status?: "ok" | "error";
  feature?: string;
  team?: string;
  customer?: string;
  environment?: string;
  workflow?: string;
  run_id?: string;
  step?: string;
  user?: string;
  tags?: Record<string, string>;
};

/** How a run ended (SPEC 2.3). */
export type RunOutcome = "success" | "failure" | "abandoned";

/** One run's outcome as `trackOutcome` takes it. */
export type TrackOutcomeInput = {
  runId: string;
  outcome: RunOutcome;
  /** What the outcome was worth, e.g. the price of the sale it made; a decimal string keeps it exact. */
  valueUsd?: string | number;
  /** When the run ended; now when missing (fixed at track time so retries send the same value). */
  timestamp?: Date | string;
};

/** An outcome exactly as it is sent to `POST /api/v1/outcomes`. */
export type WireOutcome = {
  run_id: string;
  outcome: RunOutcome;
  value_usd?: string | number;
  timestamp: string;
};

/** One item the server refused, by its index in the batch that was sent. */
export type ServerItemError = { index: number; id?: string; message: string };

/** Why items were not delivered. */
export type DeliveryFailureReason =
  /** The server answered 400/207 (or another non-retryable 4xx) and refused these items. */
  | "rejected"
  /** 401/403: the key is missing, unknown, revoked or lacks the `ingest` scope. */
  | "unauthorized"
  /** 413 for a single item: it can be split no further. */
  | "too_large"
  /** Retries ran out (429, 5xx, network errors). */
  | "gave_up"
  /** The queue was over `maxQueue`; the oldest items were dropped. */
  | "queue_full"
  /** `track` was called after `shutdown()`. */
  | "closed"
  /** The process was ending on a signal and the flush did not finish in time. */
  | "exit_timeout";

/** Why a set of items failed, before the client names the endpoint and the items. */
export type DeliveryFailureDetails = {
  reason: DeliveryFailureReason;
  message: string;
  /** The HTTP status of the last answer, when there was one. */
  status?: number;
  /** The server's per-item errors, indexes relative to `events`/`outcomes` of this report. */
  serverErrors?: ServerItemError[];
  /** The underlying error of a network failure. */
  cause?: unknown;
};

/** Items that were not delivered, and why: what `onError` receives. Nothing is dropped without one. */
export type DeliveryFailure =
  | (DeliveryFailureDetails & { endpoint: "events"; events: WireEvent[] })
  | (DeliveryFailureDetails & { endpoint: "outcomes"; outcomes: WireOutcome[] });

/** Options of `createMarginalClient`. */
export type MarginalClientOptions = {
  /** Where Marginal runs, e.g. `https://marginal.example.com` (a path prefix is kept). */
  baseUrl: string;
  /** An API key with the `ingest` scope. */
  apiKey: string;
  /** Items per request, 1 to 1,000. Default 500. */
  batchSize?: number;
  /** How often a partial batch is sent. Default 2,000 ms. */
  flushIntervalMs?: number;
  /** Items held per endpoint before the oldest are dropped (with an `onError` report). Default 100,000. */
  maxQueue?: number;
  /** Retries of one batch after the first attempt. Default 8. */
  maxRetries?: number;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
  /** Told about every item that will not be delivered; `console.error` by default. */
  onError?: (failure: DeliveryFailure) => void;
  /** Flush on `beforeExit`, SIGTERM and SIGINT (re-raising the signal afterwards). Default true. */
  flushOnExit?: boolean;
  /** How long a signal waits for the flush before the process ends anyway. Default 5,000 ms. */
  exitTimeoutMs?: number;
  /** Abort a request that has not answered after this long (then retry it). Default 30,000 ms. */
  requestTimeoutMs?: number;
  /** First backoff ceiling; doubled per retry. Default 500 ms. */
  baseBackoffMs?: number;
  /** Largest backoff ceiling. Default 30,000 ms. */
  maxBackoffMs?: number;
  /** Waits between retries; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Source of jitter in [0, 1); injectable for tests. */
  random?: () => number;
  /** Current time in ms (ids' timestamps and Retry-After dates); injectable for tests. */
  now?: () => number;
};

/** The client returned by `createMarginalClient`. */
export type MarginalClient = {
  /** Queues an event; fills `id` (stable across retries) and `timestamp`. Returns the wire event queued. */
  track(event: TrackEventInput): WireEvent;
  /** Queues a run's outcome for `POST /api/v1/outcomes`. */
  trackOutcome(outcome: TrackOutcomeInput): WireOutcome;
  /** Sends everything queued so far; resolves when each item is delivered or reported to `onError`. */
  flush(): Promise<void>;
  /** Stops the timer and exit hooks, flushes, and waits. Later `track` calls are reported as `closed`. */
  shutdown(): Promise<void>;
};
