import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { validateEvents } from "@/lib/ingest/validate-events";
import { exportTraceRequestSchema, type ExportTraceRequest } from "./schemas";
import { spansToEvents } from "./spans-to-events";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const examplePath = path.resolve(root, "../shared/data/otlp-genai-example.json");

function loadExample(): ExportTraceRequest {
  return exportTraceRequestSchema.parse(JSON.parse(readFileSync(examplePath, "utf8")));
}

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const T0 = 1_784_556_185_000_000_000n;

type Attr = string | number | boolean | { [k: string]: unknown };
function attributes(attrs: Record<string, Attr>) {
  return Object.entries(attrs).map(([key, v]) => ({
    key,
    // Integers go as OTLP JSON sends int64: a decimal string.
    value: typeof v === "string" ? { stringValue: v } : typeof v === "number" ? { intValue: String(v) } : typeof v === "boolean" ? { boolValue: v } : v,
  }));
}

type SpanSpec = { spanId: string; traceId?: string; parentSpanId?: string; attrs: Record<string, Attr>; start?: bigint; end?: bigint; status?: number };
function span(s: SpanSpec) {
  const start = s.start ?? T0;
  return {
    traceId: s.traceId ?? TRACE,
    spanId: s.spanId,
    parentSpanId: s.parentSpanId,
    name: String(s.attrs["gen_ai.operation.name"] ?? "span"),
    kind: 3,
    startTimeUnixNano: String(start),
    endTimeUnixNano: String(s.end ?? start + 1_000_000_000n),
    attributes: attributes(s.attrs),
    status: s.status === undefined ? undefined : { code: s.status },
  };
}

function request(spans: ReturnType<typeof span>[], resource: Record<string, Attr> = { "service.name": "svc" }): ExportTraceRequest {
  return exportTraceRequestSchema.parse({ resourceSpans: [{ resource: { attributes: attributes(resource) }, scopeSpans: [{ scope: { name: "t" }, spans }] }] });
}

const chat = (spanId: string, extra: Record<string, Attr> = {}): SpanSpec => ({
  spanId,
  attrs: {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": "gpt-4o",
    "gen_ai.usage.input_tokens": 100,
    "gen_ai.usage.output_tokens": 10,
    ...extra,
  },
});

describe("spansToEvents: the shared OTLP GenAI example", () => {
  it("gives exactly its three chat calls, with ids, tokens, run, workflow and the service as feature", () => {
    const { events, rejected } = spansToEvents(loadExample());
    expect(rejected).toEqual([]);
    expect(events).toHaveLength(3);
    const common = {
      provider: "openai",
      model: "gpt-4o-2024-08-06",
      operation: "chat",
      status: "ok",
      run_id: TRACE,
      workflow: "TicketTriage",
      // app.feature / app.team are the application's own keys, not marginal.*: service.name is the fallback.
      feature: "support-assistant",
      environment: "production",
    };
    expect(events[0]).toEqual({
      ...common,
      id: `${TRACE}:a3ce929d0e0e4736`,
      timestamp: "2026-07-20T14:03:05.160Z",
      latency_ms: 1870,
      usage: { input_tokens: 1850, output_tokens: 96, cached_input_tokens: 0, cache_write_tokens: 0, reasoning_tokens: 0 },
      tags: { "gen_ai.conversation.id": "conv_8Qm2xT4vLk9pR1sZ", "gen_ai.response.id": "chatcmpl-BxK2q8Zr1mN4vP7sT0uW3yA6" },
    });
    expect(events[1]).toMatchObject({
      ...common,
      id: `${TRACE}:b7ad6b7169203331`,
      timestamp: "2026-07-20T14:03:07.580Z",
      latency_ms: 2315,
      usage: { input_tokens: 2412, output_tokens: 143, cached_input_tokens: 1792, cache_write_tokens: 0 },
    });
    expect(events[2]).toMatchObject({
      ...common,
      id: `${TRACE}:c1e2f3a4b5c6d7e8`,
      timestamp: "2026-07-20T14:03:10.510Z",
      latency_ms: 4720,
      usage: { input_tokens: 2980, output_tokens: 388, cached_input_tokens: 2304, cache_write_tokens: 0 },
    });
    expect(events[0]).not.toHaveProperty("team");
  });

  it("does not count the agent span's repeated usage again", () => {
    const { events } = spansToEvents(loadExample());
    expect(events.map((e) => e.id)).not.toContain(`${TRACE}:00f067aa0ba902b7`);
    const sum = (k: "input_tokens" | "output_tokens" | "cached_input_tokens") => events.reduce((n, e) => n + (e.usage?.[k] ?? 0), 0);
    // Exactly the agent span's aggregate (7242 / 627 / 4096), counted once.
    expect([sum("input_tokens"), sum("output_tokens"), sum("cached_input_tokens")]).toEqual([7242, 627, 4096]);
  });

  it("gives events the events API accepts", () => {
    const { events } = spansToEvents(loadExample());
    const { valid, errors } = validateEvents(events, new Date("2026-07-21T00:00:00Z"));
    expect(errors).toEqual([]);
    expect(valid.map((e) => [e.inputTokens, e.cachedInputTokens, e.runId, e.workflow])).toEqual([
      [1850, 0, TRACE, "TicketTriage"],
      [2412, 1792, TRACE, "TicketTriage"],
      [2980, 2304, TRACE, "TicketTriage"],
    ]);
  });
});

describe("spansToEvents: which spans become events", () => {
  it("never makes an event of an agent span, and ignores spans that are not model calls or carry no usage", () => {
    const spans = [
      span({ spanId: "00000000000000a1", attrs: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "A", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 500 } }),
      span({ spanId: "00000000000000a2", attrs: { "gen_ai.operation.name": "create_agent", "gen_ai.agent.name": "A", "gen_ai.usage.input_tokens": 5 } }),
      span({ spanId: "00000000000000a3", attrs: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "search", "gen_ai.usage.input_tokens": 5 } }),
      span({ spanId: "00000000000000a4", attrs: { "gen_ai.operation.name": "invoke_workflow", "gen_ai.workflow.name": "W", "gen_ai.usage.input_tokens": 5 } }),
      span({ spanId: "00000000000000a5", attrs: { "http.request.method": "POST", "gen_ai.usage.input_tokens": 5 } }),
      span({ spanId: "00000000000000a6", attrs: { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o" } }),
      span(chat("00000000000000b1")),
    ];
    const { events, rejected } = spansToEvents(request(spans));
    expect(events.map((e) => e.id)).toEqual([`${TRACE}:00000000000000b1`]);
    expect(rejected).toEqual([]);
  });

  it("maps operations: generate_content to chat, text_completion, embeddings, and others to other", () => {
    const ops = ["chat", "generate_content", "text_completion", "embeddings", "image_generation"];
    const spans = ops.map((op, i) => span(chat(`00000000000000c${i + 1}`, { "gen_ai.operation.name": op })));
    expect(spansToEvents(request(spans)).events.map((e) => e.operation)).toEqual(["chat", "chat", "completion", "embedding", "other"]);
  });

  it("keeps one event for a span sent twice in one export", () => {
    const s = span(chat("00000000000000d1"));
    expect(spansToEvents(request([s, s])).events).toHaveLength(1);
  });
});

describe("spansToEvents: fields", () => {
  it("reads intValue as a string or a number, and a whole doubleValue", () => {
    const s = span(chat("00000000000000e1"));
    s.attributes = [
      ...attributes({ "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o" }),
      { key: "gen_ai.usage.input_tokens", value: { intValue: "12345" } },
      { key: "gen_ai.usage.output_tokens", value: { intValue: 678 } },
      { key: "gen_ai.usage.cache_read.input_tokens", value: { doubleValue: 100 } },
    ];
    expect(spansToEvents(request([s])).events[0].usage).toEqual({ input_tokens: 12345, output_tokens: 678, cached_input_tokens: 100, cache_write_tokens: 0, reasoning_tokens: 0 });
  });

  it("takes the response model over the request model", () => {
    const [a, b] = spansToEvents(request([span(chat("00000000000000e2", { "gen_ai.response.model": "gpt-4o-2024-11-20" })), span(chat("00000000000000e3"))])).events;
    expect([a.model, b.model]).toEqual(["gpt-4o-2024-11-20", "gpt-4o"]);
  });

  it("reads the deprecated gen_ai.system and prompt/completion token names", () => {
    const s = span({
      spanId: "00000000000000e4",
      attrs: { "gen_ai.operation.name": "chat", "gen_ai.system": "anthropic", "gen_ai.request.model": "claude-sonnet-4-5", "gen_ai.usage.prompt_tokens": 40, "gen_ai.usage.completion_tokens": 7 },
    });
    const [event] = spansToEvents(request([s])).events;
    expect(event).toMatchObject({ provider: "anthropic", model: "claude-sonnet-4-5", usage: { input_tokens: 40, output_tokens: 7 } });
  });

  it("maps provider names to Marginal's", () => {
    const names = ["aws.bedrock", "azure.ai.openai", "az.ai.openai", "gcp.gemini", "gcp.vertex_ai", "vertex_ai", "mistral_ai", "x_ai", "OpenAI", "Self Hosted"];
    const spans = names.map((name, i) => span(chat(`00000000000001${String(i).padStart(2, "0")}`, { "gen_ai.provider.name": name })));
    expect(spansToEvents(request(spans)).events.map((e) => e.provider)).toEqual(["bedrock", "azure_openai", "azure_openai", "google", "google", "google", "mistral", "xai", "openai", "self_hosted"]);
  });

  it("keeps input tokens that include the cache as they are, and adds the cache back when they plainly do not", () => {
    const included = span(chat("00000000000000f1", { "gen_ai.usage.input_tokens": 1000, "gen_ai.usage.cache_read.input_tokens": 600, "gen_ai.usage.cache_creation.input_tokens": 300 }));
    // Anthropic's raw input_tokens excludes the cache: 50 uncached + 600 read + 300 written.
    const excluded = span(chat("00000000000000f2", { "gen_ai.usage.input_tokens": 50, "gen_ai.usage.cache_read.input_tokens": 600, "gen_ai.usage.cache_creation.input_tokens": 300 }));
    const reasoning = span(chat("00000000000000f3", { "gen_ai.usage.output_tokens": 500, "gen_ai.usage.reasoning.output_tokens": 400 }));
    const [a, b, c] = spansToEvents(request([included, excluded, reasoning])).events;
    expect(a.usage).toMatchObject({ input_tokens: 1000, cached_input_tokens: 600, cache_write_tokens: 300 });
    expect(b.usage).toMatchObject({ input_tokens: 950, cached_input_tokens: 600, cache_write_tokens: 300 });
    expect(c.usage).toMatchObject({ output_tokens: 500, reasoning_tokens: 400 });
  });

  it("converts nanosecond timestamps exactly and rounds the latency to milliseconds", () => {
    const start = 1_784_556_185_123_999_999n;
    const s = span({ ...chat("00000000000000f4"), start, end: start + 2_500_000n });
    const [event] = spansToEvents(request([s])).events;
    // A double would round 1784556185123999999 up to ...124000000000 and give .124.
    expect(event.timestamp).toBe("2026-07-20T14:03:05.123Z");
    expect(event.latency_ms).toBe(3);
    const numeric = { ...span(chat("00000000000000f5")), startTimeUnixNano: 1_784_556_185_000_000_000 };
    expect(spansToEvents(exportTraceRequestSchema.parse({ resourceSpans: [{ scopeSpans: [{ spans: [numeric] }] }] })).events[0].timestamp).toBe("2026-07-20T14:03:05.000Z");
  });

  it("marks a span with status ERROR (2) or an error.type as an error", () => {
    const spans = [span({ ...chat("0000000000000101"), status: 2 }), span({ ...chat("0000000000000102"), status: 1 }), span(chat("0000000000000103", { "error.type": "timeout" }))];
    expect(spansToEvents(request(spans)).events.map((e) => e.status)).toEqual(["error", "ok", "error"]);
  });

  it("takes attribution from the span, else the resource, with service.name as the fallback feature", () => {
    const resource = { "service.name": "svc", "marginal.team": "growth", "marginal.customer": "acme", "deployment.environment": "staging", "user.id": "u-res" };
    const tagged = span(chat("0000000000000201", { "marginal.feature": "search", "marginal.customer": "globex", "marginal.step": "rank", "marginal.environment": "prod", "marginal.user": "u-span" }));
    const plain = span(chat("0000000000000202"));
    const [a, b] = spansToEvents(request([tagged, plain], resource)).events;
    expect(a).toMatchObject({ feature: "search", team: "growth", customer: "globex", step: "rank", environment: "prod", user: "u-span" });
    expect(b).toMatchObject({ feature: "svc", team: "growth", customer: "acme", environment: "staging", user: "u-res" });
    expect(b).not.toHaveProperty("step");
    const noService = spansToEvents(request([plain], {})).events[0];
    expect(noService).not.toHaveProperty("feature");
  });

  it("accepts base64 ids from plain proto3 JSON encoders", () => {
    const s = { ...span(chat("x")), traceId: Buffer.from(TRACE, "hex").toString("base64"), spanId: Buffer.from("a3ce929d0e0e4736", "hex").toString("base64") };
    expect(spansToEvents(request([s])).events[0].id).toBe(`${TRACE}:a3ce929d0e0e4736`);
  });
});

describe("spansToEvents: run and workflow", () => {
  it("names the workflow after the trace's outermost agent, wherever it sits in the export", () => {
    const other = "0af7651916cd43dd8448eb211c80319c";
    const body = exportTraceRequestSchema.parse({
      resourceSpans: [
        { scopeSpans: [{ spans: [span(chat("0000000000000301")), span({ ...chat("0000000000000302"), traceId: other })] }] },
        {
          scopeSpans: [
            {
              spans: [
                span({ spanId: "0000000000000311", start: T0 + 5n, attrs: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "Researcher" } }),
                span({ spanId: "0000000000000310", start: T0, attrs: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "Supervisor" } }),
              ],
            },
          ],
        },
      ],
    });
    const [a, b] = spansToEvents(body).events;
    expect(a).toMatchObject({ run_id: TRACE, workflow: "Supervisor" });
    expect(b.run_id).toBe(other);
    expect(b).not.toHaveProperty("workflow");
  });

  it("prefers marginal.workflow on the span, then an invoke_workflow span, then the agent", () => {
    const agent = span({ spanId: "0000000000000401", attrs: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "Agent" } });
    const flow = span({ spanId: "0000000000000402", attrs: { "gen_ai.operation.name": "invoke_workflow", "gen_ai.workflow.name": "Flow" } });
    const explicit = span(chat("0000000000000403", { "marginal.workflow": "explicit" }));
    const plain = span(chat("0000000000000404"));
    expect(spansToEvents(request([agent, flow, explicit, plain])).events.map((e) => e.workflow)).toEqual(["explicit", "Flow"]);
    expect(spansToEvents(request([agent, plain])).events[0].workflow).toBe("Agent");
    expect(spansToEvents(request([plain], { "marginal.workflow": "from-resource" })).events[0].workflow).toBe("from-resource");
  });
});

describe("spansToEvents: rejected spans", () => {
  it("rejects a model call without a model or a provider, with bad token counts or bad ids, and says why", () => {
    const noModel = span(chat("0000000000000501", { "gen_ai.request.model": "" }));
    const noProvider = span({ spanId: "0000000000000502", attrs: { "gen_ai.operation.name": "embeddings", "gen_ai.request.model": "text-embedding-3-small", "gen_ai.usage.input_tokens": 5 } });
    const negative = span(chat("0000000000000503", { "gen_ai.usage.output_tokens": -3 }));
    const fractional = span(chat("0000000000000504", { "gen_ai.usage.input_tokens": { doubleValue: 1.5 } }));
    const badTrace = { ...span(chat("0000000000000505")), traceId: "not-a-trace-id" };
    const zeroSpan = span(chat("0000000000000000"));
    const noStart = { ...span(chat("0000000000000506")), startTimeUnixNano: "0" };
    const good = span(chat("0000000000000507"));
    const { events, rejected } = spansToEvents(request([noModel, noProvider, negative, fractional, badTrace, zeroSpan, noStart, good]));
    expect(events.map((e) => e.id)).toEqual([`${TRACE}:0000000000000507`]);
    expect(rejected).toEqual([
      { spanId: "0000000000000501", message: "chat span has no model: set gen_ai.response.model or gen_ai.request.model" },
      { spanId: "0000000000000502", message: "embeddings span has no provider: set gen_ai.provider.name" },
      { spanId: "0000000000000503", message: 'gen_ai.usage.output_tokens must be a whole number of tokens, 0 or more (got "-3")' },
      { spanId: "0000000000000504", message: "gen_ai.usage.input_tokens must be a whole number of tokens, 0 or more (got 1.5)" },
      { spanId: "0000000000000505", message: "traceId must be 32 hex characters and not all zero" },
      { spanId: "0000000000000000", message: "spanId must be 16 hex characters and not all zero" },
      { spanId: "0000000000000506", message: "startTimeUnixNano is required" },
    ]);
  });

  it("yields nothing for an empty export", () => {
    expect(spansToEvents(exportTraceRequestSchema.parse({}))).toEqual({ events: [], rejected: [] });
    expect(spansToEvents(exportTraceRequestSchema.parse({ resourceSpans: [{ scopeSpans: [{ spans: [] }] }] }))).toEqual({ events: [], rejected: [] });
  });
});
