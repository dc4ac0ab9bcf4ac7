import { context, SpanStatusCode, trace } from "@opentelemetry/api";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { decodeTraceRequestProtobuf } from "./decode-trace-request";
import { exportTraceResponseProtobuf, toPartialSuccess } from "./export-trace-response";
import { ProtobufDecodeError } from "./protobuf-wire";
import { exportTraceRequestSchema } from "./schemas";
import { spansToEvents } from "./spans-to-events";

// The real OpenTelemetry JS SDK makes the spans and its own OTLP serializers encode them, so the
// decoder is checked against what exporters send, not against our reading of the .proto files.
async function makeSpans(): Promise<ReadableSpan[]> {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "checkout", "marginal.team": "payments", "deployment.environment.name": "prod" }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer("decode-test", "1.0.0");
  const agent = tracer.startSpan("invoke_agent Refunds", { attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "Refunds", "gen_ai.usage.input_tokens": 3000 } });
  const inAgent = trace.setSpan(context.active(), agent);
  const first = tracer.startSpan("chat claude", {
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "anthropic",
      "gen_ai.request.model": "claude-sonnet-4-5",
      "gen_ai.usage.input_tokens": 2000,
      "gen_ai.usage.output_tokens": 150,
      "gen_ai.usage.cache_read.input_tokens": 1200,
      "gen_ai.usage.cache_creation.input_tokens": 300,
      "gen_ai.request.temperature": 0.25,
      "gen_ai.request.stream": true,
      "gen_ai.response.finish_reasons": ["stop"],
      "marginal.feature": "refund-bot",
      "app.offset": -42,
      "app.big": 2 ** 60,
    },
  }, inAgent);
  first.end();
  const second = tracer.startSpan("embeddings", {
    attributes: { "gen_ai.operation.name": "embeddings", "gen_ai.provider.name": "openai", "gen_ai.request.model": "text-embedding-3-small", "gen_ai.usage.input_tokens": 1000 },
  }, inAgent);
  second.setStatus({ code: SpanStatusCode.ERROR, message: "rate limited" });
  second.end();
  agent.end();
  await provider.forceFlush();
  return memory.getFinishedSpans();
}

// Both encodings parsed by the shared schema, with int64 values as exact decimal strings (the
// SDK's JSON serializer writes them as numbers; 2^60 is exact as a double, not as its shortest print).
function normalize(value: unknown): unknown {
  const parsed = exportTraceRequestSchema.parse(value);
  return JSON.parse(JSON.stringify(parsed, (key, v) => (key === "intValue" ? (typeof v === "number" ? BigInt(v).toString() : String(v)) : v)));
}

describe("decodeTraceRequestProtobuf", () => {
  it("decodes what the SDK's protobuf serializer writes into what its JSON serializer writes", async () => {
    const spans = await makeSpans();
    const fromJson = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)!));
    const fromProtobuf = decodeTraceRequestProtobuf(ProtobufTraceSerializer.serializeRequest(spans)!);
    expect(normalize(fromProtobuf)).toEqual(normalize(fromJson));
    const span = (fromProtobuf.resourceSpans as { scopeSpans: { spans: { attributes: { key: string; value: unknown }[] }[] }[] }[])[0].scopeSpans[0].spans[0];
    const value = (key: string) => span.attributes.find((a) => a.key === key)?.value;
    expect(value("app.offset")).toEqual({ intValue: "-42" });
    expect(value("app.big")).toEqual({ intValue: String(2n ** 60n) });
    expect(value("gen_ai.request.temperature")).toEqual({ doubleValue: 0.25 });
    expect(value("gen_ai.response.finish_reasons")).toEqual({ arrayValue: { values: [{ stringValue: "stop" }] } });
  });

  it("gives the same events from either encoding", async () => {
    const spans = await makeSpans();
    const json = spansToEvents(exportTraceRequestSchema.parse(JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)!))));
    const protobuf = spansToEvents(exportTraceRequestSchema.parse(decodeTraceRequestProtobuf(ProtobufTraceSerializer.serializeRequest(spans)!)));
    expect(protobuf).toEqual(json);
    expect(protobuf.rejected).toEqual([]);
    const traceId = spans[0].spanContext().traceId;
    expect(protobuf.events).toEqual([
      expect.objectContaining({
        id: `${traceId}:${spans[0].spanContext().spanId}`,
        provider: "anthropic",
        usage: { input_tokens: 2000, output_tokens: 150, cached_input_tokens: 1200, cache_write_tokens: 300, reasoning_tokens: 0 },
        feature: "refund-bot",
        team: "payments",
        environment: "prod",
        workflow: "Refunds",
        run_id: traceId,
        status: "ok",
      }),
      expect.objectContaining({ operation: "embedding", feature: "checkout", status: "error", workflow: "Refunds" }),
    ]);
  });

  it("decodes an empty body as an empty export", () => {
    expect(decodeTraceRequestProtobuf(new Uint8Array(0))).toEqual({ resourceSpans: [] });
  });

  it("throws ProtobufDecodeError on a truncated or malformed body", async () => {
    const bytes = ProtobufTraceSerializer.serializeRequest(await makeSpans())!;
    expect(() => decodeTraceRequestProtobuf(bytes.subarray(0, bytes.length - 7))).toThrow(ProtobufDecodeError);
    expect(() => decodeTraceRequestProtobuf(new TextEncoder().encode('{"resourceSpans":[]}'))).toThrow(ProtobufDecodeError);
  });
});

describe("exportTraceResponseProtobuf", () => {
  it("is empty when all was accepted, and a partial success the SDK reads otherwise", () => {
    expect(exportTraceResponseProtobuf(null)).toEqual(new Uint8Array(0));
    const partial = toPartialSuccess([{ spanId: "00f067aa0ba902b7", message: "chat span has no model" }]);
    expect(ProtobufTraceSerializer.deserializeResponse(exportTraceResponseProtobuf(partial))).toEqual({
      partialSuccess: { rejectedSpans: 1, errorMessage: "span 00f067aa0ba902b7: chat span has no model" },
    });
  });
});
