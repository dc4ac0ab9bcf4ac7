// The SDK clients the suites drive (lib/client's createMarginalClient, retries on), with a fetch
// that watches every attempt: the ids of each batch the server acknowledged with a 2xx, the
// accepted/duplicates counts it answered, the statuses and network errors on the way. The client
// itself reports only failures (onError), so acknowledgement is read here, off the wire.
import { createMarginalClient } from "@/lib/client";
import type { DeliveryFailure, MarginalClient, TrackEventInput } from "@/lib/client";

export type WireStats = {
  /** Every id the clients generated (track). */
  tracked: Set<string>;
  /** Every id in a request body the server answered with 2xx. */
  acknowledged: Set<string>;
  /** Events in the bodies answered 2xx, counted per answer. */
  acknowledgedEvents: number;
  /** Sums of the 2xx answers' counts. */
  accepted: number;
  duplicates: number;
  rejected: number;
  attempts: number;
  /** Answers by HTTP status, and attempts that got no answer (refused, reset, timed out). */
  statuses: Map<number, number>;
  networkErrors: number;
  inFlight: number;
  failures: DeliveryFailure[];
};

export type ClientPool = {
  stats: WireStats;
  /** Tracks `perSecond` events per client until `stop()`, in ticks of 100 ms. */
  startTracking(perSecond: number): void;
  /** Stops tracking and waits until every client has delivered or reported everything. */
  stop(): Promise<void>;
};

export type PoolOptions = { url: string; apiKey: string; clients: number; maxRetries: number; maxBackoffMs: number; requestTimeoutMs: number };

const MODELS = [
  { provider: "openai", model: "gpt-4o-mini" },
  { provider: "openai", model: "gpt-4o" },
  { provider: "anthropic", model: "claude-haiku-4-5" },
  { provider: "google", model: "gemini-2.5-flash" },
  // No catalog price: stored at cost 0 and counted as unpriced.
  { provider: "self_hosted", model: "reliability-unpriced-model" },
];
const FEATURES = ["search", "chat-assist", "summaries", "triage"];
const DAY_MS = 86_400_000;

function countingFetch(stats: WireStats): typeof fetch {
  return async (input, init) => {
    stats.attempts++;
    stats.inFlight++;
    try {
      const response = await fetch(input, init);
      stats.statuses.set(response.status, (stats.statuses.get(response.status) ?? 0) + 1);
      if (response.ok) {
        const answer = (await response.clone().json()) as { accepted: number; duplicates: number; rejected: number };
        stats.accepted += answer.accepted;
        stats.duplicates += answer.duplicates;
        stats.rejected += answer.rejected;
        const { events } = JSON.parse(String(init?.body)) as { events: { id: string }[] };
        stats.acknowledgedEvents += events.length;
        for (const event of events) stats.acknowledged.add(event.id);
      }
      return response;
    } catch (error) {
      stats.networkErrors++;
      throw error;
    } finally {
      stats.inFlight--;
    }
  };
}

/** An event of client `c`: its n-th, in run `n / 20`, with a timestamp in the last three days. */
function makeEvent(c: number, n: number, now: number): TrackEventInput {
  const { provider, model } = MODELS[n % MODELS.length];
  const input = 200 + ((n * 37) % 4000);
  const output = 50 + ((n * 13) % 900);
  const cached = n % 3 === 0 ? Math.floor(input / 4) : 0;
  const reasoning = model === "gpt-4o" ? Math.floor(output / 5) : 0;
  return {
    timestamp: new Date(now - Math.floor(Math.random() * 3 * DAY_MS)),
    provider,
    model,
    usage: { inputTokens: input, outputTokens: output, cachedInputTokens: cached, reasoningTokens: reasoning },
    // Every seventh event reports its own cost, to ten decimals: sums must stay exact.
    ...(n % 7 === 0 ? { costUsd: `0.${String(1_000_000_000 + ((n * 7919) % 999_999_999)).slice(1)}${n % 10}` } : {}),
    status: n % 50 === 0 ? "error" : "ok",
    feature: FEATURES[(c + n) % FEATURES.length],
    team: `team-${c % 3}`,
    customer: n % 4 === 0 ? undefined : `cust-${n % 25}`,
    environment: "production",
    workflow: `wf-${c % 2}`,
    runId: `c${c}-run-${Math.floor(n / 20)}`,
    step: `step-${n % 20}`,
  };
}

/** `clients` SDK clients in this process, each with its own queue and one request in flight. */
export function createClientPool(options: PoolOptions): ClientPool {
  const stats: WireStats = {
    tracked: new Set(),
    acknowledged: new Set(),
    acknowledgedEvents: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    attempts: 0,
    statuses: new Map(),
    networkErrors: 0,
    inFlight: 0,
    failures: [],
  };
  const fetchImpl = countingFetch(stats);
  const clients: MarginalClient[] = Array.from({ length: options.clients }, () =>
    createMarginalClient({
      baseUrl: options.url,
      apiKey: options.apiKey,
      batchSize: 1000,
      flushIntervalMs: 500,
      maxRetries: options.maxRetries,
      maxBackoffMs: options.maxBackoffMs,
      requestTimeoutMs: options.requestTimeoutMs,
      fetch: fetchImpl,
      // The suites own SIGINT/SIGTERM (clean-up of what they started).
      flushOnExit: false,
      onError: (failure) => stats.failures.push(failure),
    }),
  );
  const counters = clients.map(() => 0);
  let ticker: NodeJS.Timeout | null = null;

  return {
    stats,
    startTracking(perSecond) {
      const perTick = Math.max(1, Math.round(perSecond / 10));
      ticker = setInterval(() => {
        const now = Date.now();
        clients.forEach((client, c) => {
          for (let i = 0; i < perTick; i++) stats.tracked.add(client.track(makeEvent(c, counters[c]++, now)).id);
        });
      }, 100);
    },
    async stop() {
      if (ticker) clearInterval(ticker);
      await Promise.all(clients.map((client) => client.shutdown()));
    },
  };
}

/** Attempts by outcome, e.g. `200×812 429×31 503×4 network×9`. */
export function describeAttempts(stats: WireStats): string {
  const parts = [...stats.statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
  if (stats.networkErrors) parts.push(`network×${stats.networkErrors}`);
  return parts.join(" ");
}
