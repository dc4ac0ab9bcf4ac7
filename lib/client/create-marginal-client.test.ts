import { afterEach, describe, expect, it, vi } from "vitest";
import { createMarginalClient } from "./create-marginal-client";
import { acceptAll, startScriptedServer, type ReplyScript, type ScriptedServer } from "./testing/start-scripted-server";
import type { DeliveryFailure, MarginalClient, MarginalClientOptions, TrackEventInput } from "./types";

const servers: ScriptedServer[] = [];
const clients: MarginalClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.shutdown()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(script?: ReplyScript, port?: number): Promise<ScriptedServer> {
  const server = await startScriptedServer(script, port);
  servers.push(server);
  return server;
}

/** A client on the server with no timer flushes, no exit hooks, instant recorded sleeps and fixed jitter. */
function clientFor(baseUrl: string, overrides: Partial<MarginalClientOptions> = {}) {
  const failures: DeliveryFailure[] = [];
  const sleeps: number[] = [];
  const client = createMarginalClient({
    baseUrl,
    apiKey: "mk_test_key",
    flushIntervalMs: 60_000,
    flushOnExit: false,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onError: (failure) => failures.push(failure),
    ...overrides,
  });
  clients.push(client);
  return { client, failures, sleeps };
}

function call(n: number): TrackEventInput {
  return { provider: "openai", model: "gpt-4o-mini", usage: { inputTokens: 100 + n, outputTokens: 20 }, feature: "search" };
}

const idsOf = (items: { id?: unknown }[]) => items.map((item) => item.id);

describe("createMarginalClient: batching", () => {
  it("sends a batch as soon as batchSize events are queued, and the rest on flush", async () => {
    const server = await serve();
    const { client, failures } = clientFor(server.url, { batchSize: 3 });
    const tracked = Array.from({ length: 7 }, (_, n) => client.track(call(n)));

    await server.waitForRequests(2);
    expect(server.itemsOf("events").map((b) => b.length)).toEqual([3, 3]);

    await client.flush();
    expect(server.itemsOf("events").map((b) => b.length)).toEqual([3, 3, 1]);
    expect(server.itemsOf("events").flat().map((e) => e.id)).toEqual(idsOf(tracked));
    expect(failures).toEqual([]);
  });

  it("sends a partial batch every flushIntervalMs without being asked", async () => {
    const server = await serve();
    const { client } = clientFor(server.url, { flushIntervalMs: 30 });
    const tracked = [client.track(call(1)), client.track(call(2))];

    await server.waitForRequests(1);
    expect(idsOf(server.itemsOf("events")[0])).toEqual(idsOf(tracked));
  });

  it("sends the wire shape with the key, to /api/v1/events, keeping a base URL's path", async () => {
    const server = await serve();
    const { client } = clientFor(`${server.url}/marginal/`);
    const event = client.track({ ...call(1), id: "call-1", timestamp: new Date("2026-10-01T12:00:00Z"), runId: "run-9", costUsd: "0.0012", tags: { tier: "pro" } });
    await client.flush();

    const [request] = server.requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/marginal/api/v1/events");
    expect(request.headers.authorization).toBe("Bearer mk_test_key");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.body).toEqual({
      events: [
        {
          id: "call-1",
          timestamp: "2026-10-01T12:00:00.000Z",
          provider: "openai",
          model: "gpt-4o-mini",
          usage: { input_tokens: 101, output_tokens: 20 },
          cost_usd: "0.0012",
          feature: "search",
          run_id: "run-9",
          tags: { tier: "pro" },
        },
      ],
    });
    expect(event.id).toBe("call-1");
  });

  it("fills a UUID id and the current timestamp once, at track time", async () => {
    const server = await serve();
    const { client } = clientFor(server.url, { now: () => Date.parse("2026-10-01T08:30:00Z") });
    const a = client.track(call(1));
    const b = client.track(call(2));
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.id).not.toBe(a.id);
    expect(a.timestamp).toBe("2026-10-01T08:30:00.000Z");
  });

  it("refuses a batchSize over 1,000 and other impossible options", () => {
    expect(() => createMarginalClient({ baseUrl: "http://127.0.0.1:1", apiKey: "k", batchSize: 1001, flushOnExit: false })).toThrow(RangeError);
    expect(() => createMarginalClient({ baseUrl: "http://127.0.0.1:1", apiKey: "k", batchSize: 0, flushOnExit: false })).toThrow(RangeError);
    expect(() => createMarginalClient({ baseUrl: "not a url", apiKey: "k", flushOnExit: false })).toThrow(TypeError);
    expect(() => createMarginalClient({ baseUrl: "http://127.0.0.1:1", apiKey: "", flushOnExit: false })).toThrow(TypeError);
  });
});

describe("createMarginalClient: retries", () => {
  it("resends the very same batch (same ids, same bytes) after a 503, waiting Retry-After seconds", async () => {
    const server = await serve((req, n) => (n === 0 ? { status: 503, body: { error: "The database is unavailable" }, headers: { "Retry-After": "2" } } : acceptAll(req, n)));
    const { client, failures, sleeps } = clientFor(server.url);
    const tracked = [client.track(call(1)), client.track(call(2)), client.track({ ...call(3), id: "mine-3" })];
    await client.flush();

    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
    expect(server.requests[1].rawBody).toBe(server.requests[0].rawBody);
    expect(idsOf(server.itemsOf("events")[1])).toEqual(idsOf(tracked));
    expect(failures).toEqual([]);
  });

  it("honours a Retry-After given as an HTTP date", async () => {
    const nowMs = Date.parse("2026-10-01T12:00:00Z");
    const server = await serve((req, n) => (n === 0 ? { status: 503, headers: { "Retry-After": "Thu, 01 Oct 2026 12:00:03 GMT" } } : acceptAll(req, n)));
    const { client, sleeps } = clientFor(server.url, { now: () => nowMs });
    client.track(call(1));
    await client.flush();
    expect(sleeps).toEqual([3000]);
  });

  it("retries a 429 after its Retry-After", async () => {
    const server = await serve((req, n) => (n === 0 ? { status: 429, body: { error: "Rate limited" }, headers: { "Retry-After": "1" } } : acceptAll(req, n)));
    const { client, failures, sleeps } = clientFor(server.url);
    const event = client.track(call(1));
    await client.flush();
    expect(sleeps).toEqual([1000]);
    expect(server.itemsOf("events").map(idsOf)).toEqual([[event.id], [event.id]]);
    expect(failures).toEqual([]);
  });

  it("backs off exponentially with full jitter on other 5xx", async () => {
    const server = await serve((req, n) => (n < 3 ? { status: n === 1 ? 502 : 500 } : acceptAll(req, n)));
    const { client, sleeps } = clientFor(server.url, { baseBackoffMs: 100, random: () => 0.5 });
    client.track(call(1));
    await client.flush();
    // random 0.5 × ceilings 100, 200, 400.
    expect(sleeps).toEqual([50, 100, 200]);
    expect(server.requests).toHaveLength(4);
  });

  it("retries when the connection drops without an answer", async () => {
    const server = await serve((req, n) => (n === 0 ? "destroy" : acceptAll(req, n)));
    const { client, failures, sleeps } = clientFor(server.url);
    const event = client.track(call(1));
    await client.flush();
    expect(sleeps).toHaveLength(1);
    expect(server.itemsOf("events").map(idsOf)).toEqual([[event.id], [event.id]]);
    expect(failures).toEqual([]);
  });

  it("retries while the server is down and delivers once it is back on the same port", async () => {
    const first = await startScriptedServer();
    const port = first.port;
    await first.close();

    let revived: ScriptedServer | null = null;
    const { client, failures, sleeps } = clientFor(`http://127.0.0.1:${port}`, {
      sleep: async (ms) => {
        sleeps.push(ms);
        revived ??= await serve(acceptAll, port);
      },
    });
    const event = client.track(call(1));
    await client.flush();

    expect(sleeps).toHaveLength(1);
    expect(revived!.itemsOf("events").map(idsOf)).toEqual([[event.id]]);
    expect(failures).toEqual([]);
  });

  it("gives up after maxRetries and reports the events it could not send", async () => {
    const server = await serve(() => ({ status: 503, headers: { "Retry-After": "0" } }));
    const { client, failures } = clientFor(server.url, { maxRetries: 2 });
    const tracked = [client.track(call(1)), client.track(call(2))];
    await client.flush();

    expect(server.requests).toHaveLength(3);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ reason: "gave_up", endpoint: "events", status: 503 });
    expect(failures[0].endpoint === "events" && idsOf(failures[0].events)).toEqual(idsOf(tracked));
  });
});

describe("createMarginalClient: refusals", () => {
  it("reports the events a 207 rejected, with the server's messages, and nothing else", async () => {
    const server = await serve((req) => {
      const events = (req.body as { events: { id: string }[] }).events;
      return {
        status: 207,
        body: { accepted: 2, duplicates: 0, rejected: 1, errors: [{ index: 1, id: events[1].id, message: "provider: must be lower-case, e.g. openai" }] },
      };
    });
    const { client, failures, sleeps } = clientFor(server.url);
    const tracked = [client.track(call(1)), client.track({ ...call(2), provider: "OpenAI" }), client.track(call(3))];
    await client.flush();

    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(failures).toHaveLength(1);
    const failure = failures[0];
    expect(failure).toMatchObject({ reason: "rejected", status: 207, endpoint: "events" });
    expect(failure.endpoint === "events" && idsOf(failure.events)).toEqual([tracked[1].id]);
    expect(failure.serverErrors).toEqual([{ index: 0, id: tracked[1].id, message: "provider: must be lower-case, e.g. openai" }]);
  });

  it("reports every event of a 400, naming fields from the server's issues, without retrying", async () => {
    const server = await serve(() => ({
      status: 400,
      body: { error: "Invalid input", issues: [{ path: "events.1.usage.reasoning_tokens", message: "must not exceed output_tokens" }] },
    }));
    const { client, failures } = clientFor(server.url);
    const tracked = [client.track(call(1)), client.track(call(2))];
    await client.flush();

    expect(server.requests).toHaveLength(1);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ reason: "rejected", status: 400 });
    expect(failures[0].endpoint === "events" && idsOf(failures[0].events)).toEqual(idsOf(tracked));
    expect(failures[0].serverErrors).toEqual([{ index: 1, message: "usage.reasoning_tokens: must not exceed output_tokens" }]);
  });

  it("reads the ingest route's own 400 body, where errors[] names each event", async () => {
    const server = await serve((req) => {
      const events = (req.body as { events: { id: string }[] }).events;
      const errors = events.map((e, index) => ({ index, id: e.id, message: "model: is required" }));
      return { status: 400, body: { error: "No valid events: model: is required (and 1 more)", issues: errors.map((e) => ({ path: `events.${e.index}`, message: e.message })), accepted: 0, duplicates: 0, rejected: 2, errors } };
    });
    const { client, failures } = clientFor(server.url);
    const tracked = [client.track({ ...call(1), model: "" }), client.track({ ...call(2), model: "" })];
    await client.flush();

    expect(failures).toHaveLength(1);
    expect(failures[0].message).toContain("No valid events");
    expect(failures[0].serverErrors).toEqual(tracked.map((e, index) => ({ index, id: e.id, message: "model: is required" })));
  });

  it("drops a batch answered 401 with one report and no retry", async () => {
    const server = await serve(() => ({ status: 401, body: { error: "Unknown or revoked API key" } }));
    const { client, failures, sleeps } = clientFor(server.url);
    const tracked = [client.track(call(1)), client.track(call(2))];
    await client.flush();

    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ reason: "unauthorized", status: 401 });
    expect(failures[0].message).toContain("Unknown or revoked API key");
    expect(failures[0].endpoint === "events" && idsOf(failures[0].events)).toEqual(idsOf(tracked));
  });

  it("splits a batch answered 413 in halves until each part fits", async () => {
    const server = await serve((req, n) => ((req.body as { events: unknown[] }).events.length > 2 ? { status: 413, body: { error: "Too large" } } : acceptAll(req, n)));
    const { client, failures } = clientFor(server.url);
    const tracked = Array.from({ length: 5 }, (_, n) => client.track(call(n)));
    await client.flush();

    expect(server.itemsOf("events").map((b) => b.length)).toEqual([5, 3, 2, 1, 2]);
    const delivered = server.requests.filter((r) => (r.body as { events: unknown[] }).events.length <= 2).flatMap((r) => idsOf((r.body as { events: { id: string }[] }).events));
    expect(delivered).toEqual(idsOf(tracked));
    expect(failures).toEqual([]);
  });

  it("reports a single event that is still too large on its own", async () => {
    const server = await serve((req, n) => {
      const events = (req.body as { events: { tags?: Record<string, string> }[] }).events;
      return events.some((e) => e.tags?.huge) ? { status: 413 } : acceptAll(req, n);
    });
    const { client, failures } = clientFor(server.url);
    client.track(call(1));
    const huge = client.track({ ...call(2), tags: { huge: "x" } });
    await client.flush();

    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ reason: "too_large", status: 413 });
    expect(failures[0].endpoint === "events" && idsOf(failures[0].events)).toEqual([huge.id]);
  });

  it("keeps delivering when onError throws", async () => {
    const server = await serve((req, n) => (n === 0 ? { status: 401 } : acceptAll(req, n)));
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const { client } = clientFor(server.url, {
      batchSize: 1,
      onError: () => {
        throw new Error("logger down");
      },
    });
    client.track(call(1));
    client.track(call(2));
    await client.flush();
    expect(server.requests).toHaveLength(2);
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it("reports to console.error when no onError is given", async () => {
    const server = await serve(() => ({ status: 401, body: { error: "Unknown or revoked API key" } }));
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const client = createMarginalClient({ baseUrl: server.url, apiKey: "k", flushOnExit: false });
    clients.push(client);
    client.track(call(1));
    await client.flush();
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining("Unknown or revoked API key"));
    consoleError.mockRestore();
  });
});

describe("createMarginalClient: queue bound and shutdown", () => {
  it("drops the oldest events past maxQueue, reporting them once", async () => {
    const server = await serve();
    const { client, failures } = clientFor(server.url, { maxQueue: 3 });
    const tracked = Array.from({ length: 5 }, (_, n) => client.track(call(n)));
    await client.flush();

    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ reason: "queue_full", endpoint: "events" });
    expect(failures[0].endpoint === "events" && idsOf(failures[0].events)).toEqual(idsOf(tracked.slice(0, 2)));
    expect(server.itemsOf("events").flat().map((e) => e.id)).toEqual(idsOf(tracked.slice(2)));
  });

  it("shutdown sends every queued event and outcome, then reports later calls as closed", async () => {
    const server = await serve();
    const { client, failures } = clientFor(server.url, { batchSize: 2 });
    const tracked = Array.from({ length: 5 }, (_, n) => client.track(call(n)));
    client.trackOutcome({ runId: "run-1", outcome: "success", valueUsd: "0.99" });
    await client.shutdown();

    const events = server.requests.filter((r) => r.path === "/api/v1/events").flatMap((r) => (r.body as { events: { id: string }[] }).events);
    expect(idsOf(events)).toEqual(idsOf(tracked));
    expect(server.requests.filter((r) => r.path === "/api/v1/outcomes")).toHaveLength(1);

    const late = client.track(call(9));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ reason: "closed", endpoint: "events" });
    expect(failures[0].endpoint === "events" && idsOf(failures[0].events)).toEqual([late.id]);
  });

  it("flush waits for a batch that is being retried", async () => {
    const server = await serve((req, n) => (n < 2 ? { status: 503, headers: { "Retry-After": "0" } } : acceptAll(req, n)));
    const { client } = clientFor(server.url, { batchSize: 1, sleep: () => new Promise((resolve) => setTimeout(resolve, 5)) });
    const event = client.track(call(1));
    await client.flush();
    expect(server.requests).toHaveLength(3);
    expect(server.itemsOf("events").map(idsOf)).toEqual([[event.id], [event.id], [event.id]]);
  });
});

describe("createMarginalClient: outcomes", () => {
  it("posts outcomes to /api/v1/outcomes in the wire shape, batched", async () => {
    const server = await serve();
    const { client, failures } = clientFor(server.url, { now: () => Date.parse("2026-10-01T09:00:00Z") });
    client.trackOutcome({ runId: "run-1", outcome: "success", valueUsd: "12.50" });
    client.trackOutcome({ runId: "run-2", outcome: "abandoned", timestamp: "2026-10-01T08:00:00Z" });
    await client.flush();

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].path).toBe("/api/v1/outcomes");
    expect(server.requests[0].body).toEqual({
      outcomes: [
        { run_id: "run-1", outcome: "success", value_usd: "12.50", timestamp: "2026-10-01T09:00:00.000Z" },
        { run_id: "run-2", outcome: "abandoned", timestamp: "2026-10-01T08:00:00Z" },
      ],
    });
    expect(failures).toEqual([]);
  });

  it("reports outcomes a 207 rejected", async () => {
    const server = await serve(() => ({ status: 207, body: { accepted: 1, duplicates: 0, rejected: 1, errors: [{ index: 0, message: "outcome: must be success, failure or abandoned" }] } }));
    const { client, failures } = clientFor(server.url);
    client.trackOutcome({ runId: "run-1", outcome: "success" });
    client.trackOutcome({ runId: "run-2", outcome: "failure" });
    await client.flush();

    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ reason: "rejected", endpoint: "outcomes" });
    expect(failures[0].endpoint === "outcomes" && failures[0].outcomes.map((o) => o.run_id)).toEqual(["run-1"]);
  });
});
