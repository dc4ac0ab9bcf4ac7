import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postTraces } from "@/app/api/v1/otlp/v1/traces/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { OrgContext } from "@/lib/auth/org-context";
import { db, Prisma } from "@/lib/db";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";

withTestDatabase();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const example = readFileSync(path.resolve(root, "../shared/data/otlp-genai-example.json"), "utf8");
const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const URL = "http://localhost/api/v1/otlp/v1/traces";

async function orgWithKey(scopes: ("ingest" | "read")[] = ["ingest"]): Promise<{ org: OrgContext; key: string }> {
  const org = await createOrgWithOwner();
  return { org, key: (await createApiKey(org, { name: "otel", scopes })).secret };
}

async function totals(orgId: string) {
  const [events] = await db.$queryRaw<{ n: bigint; cost: Prisma.Decimal | null }[]>`SELECT count(*) AS n, sum("costUsd") AS cost FROM "Event" WHERE "orgId" = ${orgId}`;
  const [rollups] = await db.$queryRaw<{ n: bigint | null }[]>`SELECT sum("events") AS n FROM "CostRollupHourly" WHERE "orgId" = ${orgId}`;
  const runs = await db.run.findMany({ where: { orgId }, select: { runId: true, workflow: true, steps: true } });
  return { events: Number(events.n), cost: new Prisma.Decimal(events.cost ?? 0).toFixed(10), rollupEvents: Number(rollups.n ?? 0), runs };
}

function chatSpan(spanId: string, attrs: { key: string; value: unknown }[]) {
  return { traceId: TRACE, spanId, name: "chat", startTimeUnixNano: "1784556185160000000", endTimeUnixNano: "1784556186160000000", attributes: attrs };
}

describe("POST /api/v1/otlp/v1/traces", () => {
  it("stores the example's three chat calls once, priced, with their run and workflow (200 {})", async () => {
    const { org, key } = await orgWithKey();
    const res = await callRoute(postTraces, { key, url: URL, rawBody: example });
    expect([res.status, res.json]).toEqual([200, {}]);
    const stored = await db.event.findMany({ where: { orgId: org.orgId }, orderBy: { id: "asc" } });
    expect(stored.map((e) => [e.id, Number(e.inputTokens), Number(e.cachedInputTokens), Number(e.outputTokens), e.runId, e.workflow, e.feature])).toEqual([
      [`${TRACE}:a3ce929d0e0e4736`, 1850, 0, 96, TRACE, "TicketTriage", "support-assistant"],
      [`${TRACE}:b7ad6b7169203331`, 2412, 1792, 143, TRACE, "TicketTriage", "support-assistant"],
      [`${TRACE}:c1e2f3a4b5c6d7e8`, 2980, 2304, 388, TRACE, "TicketTriage", "support-assistant"],
    ]);
    // The worked cost in otel-genai-attributes.md; the agent span counted too would double it.
    expect(await totals(org.orgId)).toEqual({ events: 3, cost: "0.0192550000", rollupEvents: 3, runs: [{ runId: TRACE, workflow: "TicketTriage", steps: 3 }] });
  });

  it("takes a re-sent export as duplicates and changes no total", async () => {
    const { org, key } = await orgWithKey();
    await callRoute(postTraces, { key, url: URL, rawBody: example });
    const before = await totals(org.orgId);
    const again = await callRoute(postTraces, { key, url: URL, rawBody: example });
    expect([again.status, again.json]).toEqual([200, {}]);
    expect(await totals(org.orgId)).toEqual(before);
  });

  it("reads gzipped JSON and protobuf, answering protobuf in protobuf", async () => {
    const { org, key } = await orgWithKey();
    const gz = new NextRequest(URL, { method: "POST", body: gzipSync(example), headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "content-encoding": "gzip" } });
    expect((await postTraces(gz, { params: Promise.resolve({}) })).status).toBe(200);
    expect((await totals(org.orgId)).events).toBe(3);
    const empty = new NextRequest(URL, { method: "POST", body: new Uint8Array(0), headers: { authorization: `Bearer ${key}`, "content-type": "application/x-protobuf" } });
    const res = await postTraces(empty, { params: Promise.resolve({}) });
    expect([res.status, res.headers.get("content-type"), (await res.arrayBuffer()).byteLength]).toEqual([200, "application/x-protobuf", 0]);
  });

  it("stores the good spans and reports the rejected ones as a partial success (200)", async () => {
    const { org, key } = await orgWithKey();
    const str = (v: string) => ({ stringValue: v });
    const int = (v: number) => ({ intValue: String(v) });
    const good = chatSpan("1111111111111111", [
      { key: "gen_ai.operation.name", value: str("chat") },
      { key: "gen_ai.provider.name", value: str("openai") },
      { key: "gen_ai.request.model", value: str("gpt-4o") },
      { key: "gen_ai.usage.input_tokens", value: int(10) },
    ]);
    const noModel = chatSpan("2222222222222222", [
      { key: "gen_ai.operation.name", value: str("chat") },
      { key: "gen_ai.provider.name", value: str("openai") },
      { key: "gen_ai.usage.input_tokens", value: int(10) },
    ]);
    // Valid OTLP that the events API's own rules refuse: a feature longer than 200 characters.
    const longFeature = chatSpan("3333333333333333", [...good.attributes, { key: "marginal.feature", value: str("f".repeat(201)) }]);
    const res = await callRoute(postTraces, { key, url: URL, body: { resourceSpans: [{ scopeSpans: [{ spans: [good, noModel, longFeature] }] }] } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      partialSuccess: {
        rejectedSpans: "2",
        errorMessage: "span 2222222222222222: chat span has no model: set gen_ai.response.model or gen_ai.request.model; span 3333333333333333: feature: must be at most 200 characters",
      },
    });
    expect((await totals(org.orgId)).events).toBe(1);
  });

  it("answers 400 for a body that is not OTLP, 415 for another media type, 401 for a key without the ingest scope", async () => {
    const { key } = await orgWithKey();
    const bad = await callRoute(postTraces, { key, url: URL, body: { resourceSpans: "nope" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/^The body is not an OTLP ExportTraceServiceRequest/);
    expect(bad.json.issues).toEqual([{ path: "resourceSpans", message: expect.any(String) }]);
    expect((await callRoute(postTraces, { key, url: URL, rawBody: "{", headers: {} })).status).toBe(400);
    const xml = await callRoute(postTraces, { key, url: URL, rawBody: example, headers: { "content-type": "text/xml" } });
    expect(xml.status).toBe(415);
    const reader = await orgWithKey(["read"]);
    expect((await callRoute(postTraces, { key: reader.key, url: URL, rawBody: example })).status).toBe(401);
  });
});

describe("Data Security and Isolation", () => {
  let a: { org: OrgContext; key: string };
  let b: { org: OrgContext; key: string };

  beforeAll(async () => {
    a = await orgWithKey();
    b = await orgWithKey();
  });

  it("stores the same trace for two organizations apart: neither sees the other's as a duplicate", async () => {
    await callRoute(postTraces, { key: a.key, url: URL, rawBody: example });
    const second = await callRoute(postTraces, { key: b.key, url: URL, rawBody: example });
    expect(second.status).toBe(200);
    expect((await totals(a.org.orgId)).events).toBe(3);
    expect((await totals(b.org.orgId)).events).toBe(3);
    expect(await db.event.count({ where: { id: `${TRACE}:a3ce929d0e0e4736`, orgId: { in: [a.org.orgId, b.org.orgId] } } })).toBe(2);
  });
});
