import { createHash, randomBytes } from "node:crypto";
import { context, SpanKind, trace, type Tracer } from "@opentelemetry/api";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import { OTLPTraceExporter as OtlpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OtlpProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { e2eBaseUrl, e2eDatabaseUrl, uniqueEmail, uniqueId, uniqueName } from "./support";

/*
 * The real OpenTelemetry JS SDK and its OTLP/HTTP exporters (JSON, and protobuf with gzip) send
 * GenAI spans to the running app; the events are then checked in the app's database.
 */

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** An organization with an owner and an ingest+read API key, written straight to the database. */
async function seedOrgWithKey(db: pg.Client): Promise<{ orgId: string; key: string }> {
  const userId = `e2e-user-${uniqueId()}`;
  const orgId = `e2e-org-${uniqueId()}`;
  const key = `mk_${Array.from(randomBytes(40), (b) => BASE62[b % 62]).join("")}`;
  await db.query(`INSERT INTO "User" ("id", "email", "name") VALUES ($1, $2, 'OTel Owner')`, [userId, uniqueEmail("otel")]);
  await db.query(`INSERT INTO "Organization" ("id", "name", "slug") VALUES ($1, $2, $3)`, [orgId, uniqueName("OTel"), `otel-${uniqueId()}`]);
  await db.query(`INSERT INTO "Membership" ("orgId", "userId", "role") VALUES ($1, $2, 'OWNER')`, [orgId, userId]);
  await db.query(`INSERT INTO "ApiKey" ("orgId", "id", "name", "prefix", "keyHash", "scopes") VALUES ($1, $2, 'otel exporter', $3, $4, $5)`, [
    orgId,
    `e2e-key-${uniqueId()}`,
    key.slice(0, 11),
    createHash("sha256").update(key, "utf8").digest("hex"),
    ["ingest", "read"],
  ]);
  return { orgId, key };
}

/** Wraps an exporter to keep the result of every export, which forceFlush() does not report. */
function recording(inner: SpanExporter): SpanExporter & { results: ExportResult[] } {
  const results: ExportResult[] = [];
  return {
    results,
    export: (spans, done) => inner.export(spans, (result) => (results.push(result), done(result))),
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}

function exportAgain(exporter: SpanExporter, spans: ReadableSpan[]): Promise<ExportResult> {
  return new Promise((resolve) => exporter.export(spans, resolve));
}

type Usage = { input: number; output: number; cacheRead: number };

/** An agent run: an invoke_agent span repeating its children's usage, with one chat span per call. */
function runAgent(tracer: Tracer, agentName: string, feature: string, calls: Usage[]): { traceId: string; chatSpanIds: string[] } {
  const total = calls.reduce((t, c) => ({ input: t.input + c.input, output: t.output + c.output, cacheRead: t.cacheRead + c.cacheRead }), { input: 0, output: 0, cacheRead: 0 });
  const agent = tracer.startSpan(`invoke_agent ${agentName}`, {
    kind: SpanKind.INTERNAL,
    attributes: {
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.provider.name": "openai",
      "gen_ai.agent.name": agentName,
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.usage.input_tokens": total.input,
      "gen_ai.usage.output_tokens": total.output,
      "gen_ai.usage.cache_read.input_tokens": total.cacheRead,
    },
  });
  const inAgent = trace.setSpan(context.active(), agent);
  const chatSpanIds = calls.map((call) => {
    const chat = tracer.startSpan(
      "chat gpt-4o",
      {
        kind: SpanKind.CLIENT,
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.provider.name": "openai",
          "gen_ai.request.model": "gpt-4o",
          "gen_ai.response.model": "gpt-4o-2024-08-06",
          "gen_ai.usage.input_tokens": call.input,
          "gen_ai.usage.output_tokens": call.output,
          "gen_ai.usage.cache_read.input_tokens": call.cacheRead,
          "marginal.feature": feature,
        },
      },
      inAgent,
    );
    chat.end();
    return chat.spanContext().spanId;
  });
  agent.end();
  return { traceId: agent.spanContext().traceId, chatSpanIds };
}

async function storedEvents(db: pg.Client, orgId: string) {
  const { rows } = await db.query(
    `SELECT "id", "provider", "model", "inputTokens"::int AS input, "outputTokens"::int AS output, "cachedInputTokens"::int AS cached,
            "runId", "workflow", "feature", "team", "environment"
     FROM "Event" WHERE "orgId" = $1 ORDER BY "id"`,
    [orgId],
  );
  return rows;
}

async function totals(db: pg.Client, orgId: string) {
  const { rows } = await db.query(
    `SELECT (SELECT count(*)::int FROM "Event" WHERE "orgId" = $1) AS events,
            (SELECT coalesce(sum("events"), 0)::int FROM "CostRollupHourly" WHERE "orgId" = $1) AS "rollupEvents",
            (SELECT coalesce(sum("steps"), 0)::int FROM "Run" WHERE "orgId" = $1) AS "runSteps"`,
    [orgId],
  );
  return rows[0];
}

let db: pg.Client;
test.beforeAll(async () => {
  db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
});
test.afterAll(async () => {
  await db?.end();
});

const tracesUrl = () => `${e2eBaseUrl()}/api/v1/otlp/v1/traces`;

test("the OTel SDK's OTLP/HTTP JSON exporter: model-call spans become events once, re-sent spans are not counted again", async () => {
  const { orgId, key } = await seedOrgWithKey(db);
  const exporter = recording(new OtlpJsonExporter({ url: tracesUrl(), headers: { Authorization: `Bearer ${key}` } }));
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "support-assistant", "marginal.team": "support", "deployment.environment.name": "e2e" }),
    spanProcessors: [new SimpleSpanProcessor(memory), new BatchSpanProcessor(exporter)],
  });
  const calls = [
    { input: 1850, output: 96, cacheRead: 0 },
    { input: 2412, output: 143, cacheRead: 1792 },
  ];
  const { traceId, chatSpanIds } = runAgent(provider.getTracer("e2e-otlp"), "TicketTriage", "ticket-triage", calls);
  await provider.forceFlush();
  expect(exporter.results.map((r) => r.code)).toEqual([ExportResultCode.SUCCESS]);

  const common = { provider: "openai", model: "gpt-4o-2024-08-06", runId: traceId, workflow: "TicketTriage", feature: "ticket-triage", team: "support", environment: "e2e" };
  const expected = chatSpanIds
    .map((spanId, i) => ({ ...common, id: `${traceId}:${spanId}`, input: calls[i].input, output: calls[i].output, cached: calls[i].cacheRead }))
    .sort((a, b) => a.id.localeCompare(b.id));
  // The agent span carries the sum of its children's usage; it must not be an event.
  expect(await storedEvents(db, orgId)).toEqual(expected);
  expect(await totals(db, orgId)).toEqual({ events: 2, rollupEvents: 2, runSteps: 2 });

  // The same spans again, as an exporter retrying after a lost response would send them.
  const spans = memory.getFinishedSpans();
  expect(spans).toHaveLength(3);
  expect((await exportAgain(exporter, spans)).code).toBe(ExportResultCode.SUCCESS);
  expect(await storedEvents(db, orgId)).toEqual(expected);
  expect(await totals(db, orgId)).toEqual({ events: 2, rollupEvents: 2, runSteps: 2 });
  await provider.shutdown();
});

test("the OTel SDK's OTLP/HTTP protobuf exporter, gzipped", async () => {
  const { orgId, key } = await seedOrgWithKey(db);
  const exporter = recording(new OtlpProtobufExporter({ url: tracesUrl(), headers: { Authorization: `Bearer ${key}` }, compression: CompressionAlgorithm.GZIP }));
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "billing-bot" }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  const { traceId, chatSpanIds } = runAgent(provider.getTracer("e2e-otlp"), "InvoiceExplainer", "invoice-explainer", [{ input: 900, output: 60, cacheRead: 512 }]);
  await provider.forceFlush();
  expect(exporter.results.map((r) => r.code)).toEqual([ExportResultCode.SUCCESS]);
  expect(await storedEvents(db, orgId)).toEqual([
    { id: `${traceId}:${chatSpanIds[0]}`, provider: "openai", model: "gpt-4o-2024-08-06", input: 900, output: 60, cached: 512, runId: traceId, workflow: "InvoiceExplainer", feature: "invoice-explainer", team: null, environment: null },
  ]);
  await provider.shutdown();
});

test("answers per OTLP over HTTP: partial success for rejected spans, 400 for a body that is not OTLP, 401 without a key", async ({ request }) => {
  const { orgId, key } = await seedOrgWithKey(db);
  const traceId = randomBytes(16).toString("hex");
  const span = (spanId: string, withModel: boolean) => ({
    traceId,
    spanId,
    startTimeUnixNano: `${BigInt(Date.now()) * 1_000_000n}`,
    attributes: [
      { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
      { key: "gen_ai.provider.name", value: { stringValue: "anthropic" } },
      ...(withModel ? [{ key: "gen_ai.request.model", value: { stringValue: "claude-sonnet-4-5" } }] : []),
      { key: "gen_ai.usage.input_tokens", value: { intValue: "120" } },
    ],
  });
  const headers = { Authorization: `Bearer ${key}` };
  const partial = await request.post(tracesUrl(), { headers, data: { resourceSpans: [{ scopeSpans: [{ spans: [span("00000000000000a1", true), span("00000000000000b2", false)] }] }] } });
  expect(partial.status()).toBe(200);
  expect(await partial.json()).toEqual({ partialSuccess: { rejectedSpans: "1", errorMessage: expect.stringContaining("span 00000000000000b2: chat span has no model") } });
  expect((await storedEvents(db, orgId)).map((e) => e.id)).toEqual([`${traceId}:00000000000000a1`]);

  const notOtlp = await request.post(tracesUrl(), { headers, data: { resourceSpans: { spans: [] } } });
  expect(notOtlp.status()).toBe(400);
  expect(await notOtlp.json()).toMatchObject({ error: expect.stringMatching(/not an OTLP ExportTraceServiceRequest/) });
  expect((await request.post(tracesUrl(), { data: {} })).status()).toBe(401);
});
