import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listImportKinds } from "@/lib/imports/import-kinds";
import { withTestDatabase } from "@/lib/test/test-database";
import { loadApiRoutes, type ApiRoute } from "./api-routes";
import { fuzzSettings } from "./fuzz-settings";
import { hostileJson, hostileRawBody, hostileString, mutatedBody } from "./hostile-values";
import { findForeignMarkers, findInternalLeaks, parseJson, probeText, sendProbe, type Probe } from "./probe";
import { seedOrg, type SeededOrg } from "./seed-org";
import { validBodies } from "./valid-bodies";

withTestDatabase();

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const routes = await loadApiRoutes();
const settings = fuzzSettings<[Probe]>(25);

// Parameter names the routes read, and values that get past the first check to the code behind it.
const QUERY_NAMES = ["from", "to", "period", "format", "group_by", "granularity", "week", "status", "kind", "days", "cursor", "before", "sort", "summary", "feature", "team", "customer", "workflow", "provider", "model", "dimension", "compare", "limit", "paper", "vendor_id", "dry_run", "org", "q"];
const PLAUSIBLE_VALUES = ["csv", "focus", "json", "pdf", "2026-10", "2026-Q4", "2026-W47", "2026-10-01", "2026-10-01T00:00:00Z", "7", "90", "true", "false", "feature", "team", "model", "day", "hour", "month", "open", "workflows", "cost", "-cost", "a4", "letter", "openai-chatgpt"];

let orgA: SeededOrg;
let orgB: SeededOrg;

/** Org B's rows, as stored: nothing org A sends may change them. */
async function snapshotOrg(orgId: string): Promise<string> {
  const where = { orgId };
  const orderBy = { id: "asc" } as const;
  const tables = await Promise.all([
    db.budget.findMany({ where, orderBy }),
    db.actionItem.findMany({ where, orderBy }),
    db.finding.findMany({ where, orderBy }),
    db.sanctionedTool.findMany({ where, orderBy: { vendorId: "asc" } }),
    db.priceOverride.findMany({ where, orderBy }),
    db.revenue.findMany({ where, orderBy: [{ month: "asc" }, { feature: "asc" }, { customer: "asc" }] }),
    db.alert.findMany({ where, orderBy }),
    db.importBatch.findMany({ where, orderBy }),
    db.event.count({ where }),
    db.run.findMany({ where, orderBy: { runId: "asc" } }),
  ]);
  return JSON.stringify(tables, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

function paramArbitrary(route: ApiRoute): fc.Arbitrary<Record<string, string | string[]>> {
  const known = (name: string): string[] => {
    if (name === "kind") return listImportKinds().map(([kind]) => kind);
    const pick = (o: SeededOrg) => (name === "run_id" ? [o.ids.run] : [o.ids.budget, o.ids.actionItem, o.ids.finding, o.ids.import, o.ids.alert]);
    // The other organization's real ids, and our own (which reach the code past the lookup).
    return [...pick(orgA), ...pick(orgB)];
  };
  // Next.js decodes a segment from UTF-8, so it never hands a handler a lone surrogate.
  const segment = hostileString.map((s) => s.replace(/\p{Cs}/gu, "\ufffd"));
  const entries = route.params.map((p) => {
    const value: fc.Arbitrary<string | string[]> = p.catchAll ? fc.array(segment, { minLength: 1, maxLength: 3 }) : fc.oneof(segment, fc.constantFrom(...known(p.name)));
    return [p.name, value] as const;
  });
  return fc.record(Object.fromEntries(entries));
}

function bodyArbitrary(route: ApiRoute): fc.Arbitrary<Pick<Probe, "body" | "contentType" | "mutatedField">> {
  if (route.method === "GET" || route.method === "DELETE") return fc.constant({});
  const contentType = fc.constantFrom("application/json", "application/json", "text/csv", "text/plain", "application/x-protobuf", "application/json; charset=utf-16", undefined);
  const hostile = fc.oneof(
    fc.record({ body: hostileJson.map((v) => JSON.stringify(v) ?? "null"), contentType: fc.constant("application/json") }),
    fc.record({ body: hostileRawBody, contentType }),
  );
  const valid = validBodies(orgA.tag)[`${route.method} ${route.template}`];
  if (valid === undefined) return hostile;
  const mutated = mutatedBody(valid).map(({ body, path }) => {
    const mutatedField = path.findLast((key): key is string => typeof key === "string");
    return { body: JSON.stringify(body) ?? "null", contentType: "application/json", ...(mutatedField === undefined ? {} : { mutatedField }) };
  });
  return fc.oneof({ arbitrary: mutated, weight: 3 }, { arbitrary: hostile, weight: 2 });
}

function probeArbitrary(route: ApiRoute): fc.Arbitrary<Probe> {
  const query = fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES), fc.oneof(hostileString, fc.constantFrom(...PLAUSIBLE_VALUES))), { maxLength: 4 });
  return fc.record({ params: paramArbitrary(route), query, bodyPart: bodyArbitrary(route) }).map(({ params, query, bodyPart }) => {
    // The valid import body is an events file: a broken field of it must be judged as one.
    const kind: Record<string, string> = bodyPart.mutatedField !== undefined && "kind" in params ? { kind: "events" } : {};
    return { params: { ...params, ...kind }, query, ...bodyPart };
  });
}

/** The media types an answer may have: JSON everywhere, CSV and PDF from the exports, protobuf from OTLP. */
const ANSWER_TYPES = /^(application\/json|text\/csv|application\/pdf|application\/x-protobuf)\b/;

async function checkProbe(route: ApiRoute, probe: Probe): Promise<void> {
  const result = await sendProbe(route, orgA.key, probe);
  const label = `${route.method} ${result.url.slice(0, 300)} -> ${result.status} ${result.text.slice(0, 500)}`;
  expect(result.status, label).toBeLessThan(500);
  const requestText = probeText(probe);
  expect(findInternalLeaks(result, requestText), label).toEqual([]);
  expect(findForeignMarkers(result, requestText.toLowerCase(), [orgB.tag, orgB.ctx.orgId, ...Object.values(orgB.ids)]), label).toEqual([]);
  if (result.status === 204) return;
  expect(result.contentType, label).toMatch(ANSWER_TYPES);
  if (!result.contentType.startsWith("application/json")) return;
  const answer = parseJson(result.text) as { issues?: { path: string; message: string }[] } | null;
  expect(answer, label).not.toBeNull();
  // A JSON body that was read but refused must say which field was wrong.
  const sentJson = typeof probe.body === "string" && parseJson(probe.body) !== null && probe.contentType === "application/json";
  if (result.status !== 400 || !sentJson) return;
  expect(answer?.issues, label).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.any(String), message: expect.any(String) })]));
  const field = probe.mutatedField;
  if (field === undefined) return;
  // The refusal may be for a bad query or path parameter sent alongside, which it must then name.
  const alsoSent = new Set([...probe.query.map(([name]) => name), ...Object.keys(probe.params)]);
  // Problems inside a CSV file are named by their line (`line 3`).
  const names = (i: { path: string; message: string }) => `${i.path} ${i.message}`.includes(field) || (field === "csv" && i.path.startsWith("line "));
  const named = answer!.issues!.some((i) => names(i) || alsoSent.has(i.path.split(".")[0]));
  expect(named, `${label}\nshould name ${field}`).toBe(true);
}

describe("every /api/v1 route under hostile input (org A's key, org B seeded beside it)", () => {
  let orgBBefore: string;

  beforeAll(async () => {
    // The fuzzer sends far more than a client may; the rate limiter has its own tests.
    process.env.MARGINAL_RATE_LIMIT_RPS = "1000000";
    process.env.MARGINAL_RATE_LIMIT_BURST = "1000000";
    orgA = await seedOrg("alphafuzz");
    orgB = await seedOrg("bravozq");
    orgBBefore = await snapshotOrg(orgB.ctx.orgId);
  });

  afterAll(() => {
    delete process.env.MARGINAL_RATE_LIMIT_RPS;
    delete process.env.MARGINAL_RATE_LIMIT_BURST;
  });

  it("found the routes on disk, the catch-all included", () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((r) => r.template)).toContain("/api/v1/[...path]");
  });

  for (const route of routes) {
    it(`${route.method} ${route.template}: never 5xx, no internals, nothing of org B, named fields`, async () => {
      await fc.assert(
        fc.asyncProperty(probeArbitrary(route), (probe) => checkProbe(route, probe)),
        settings,
      );
    });
  }

  // Found by this fuzzer: PostgreSQL refuses U+0000 in text and an unpaired surrogate in jsonb; each answered 500.
  it("refuses a NUL or an unpaired surrogate in a body, a CSV file, a query or a path with 400 naming where", async () => {
    const find = (method: string, template: string) => routes.find((r) => r.method === method && r.template === template)!;
    const event = { id: "nul", timestamp: new Date().toISOString(), provider: "openai", model: "gpt-4o", feature: "a\u0000b" };
    const cases: [ApiRoute, Probe, string][] = [
      [find("POST", "/api/v1/events"), { params: {}, query: [], body: JSON.stringify({ events: [event] }), contentType: "application/json" }, "events.0"],
      [find("POST", "/api/v1/imports/[kind]"), { params: { kind: "events" }, query: [], body: "id,feature\nx,a\u0000b\n", contentType: "text/csv" }, "line 2"],
      [find("GET", "/api/v1/runs"), { params: {}, query: [["feature", "\u0000"]] }, "feature"],
      [find("GET", "/api/v1/budgets/[id]"), { params: { id: "a\u0000b" }, query: [] }, "id"],
      [find("PATCH", "/api/v1/budgets/[id]"), { params: { id: orgA.ids.budget }, query: [], body: '{"name":"\\ud800"}', contentType: "application/json" }, "name"],
    ];
    for (const [route, probe, path] of cases) {
      const result = await sendProbe(route, orgA.key, probe);
      expect(result.status, result.text).toBe(400);
      expect(parseJson(result.text)).toMatchObject({ issues: [{ path }] });
    }
    // In an event batch the bad event alone is refused, naming its field (the rest would be stored: 207).
    const events = await sendProbe(find("POST", "/api/v1/events"), orgA.key, cases[0][1]);
    expect(parseJson(events.text)).toMatchObject({ issues: [{ path: "events.0", message: expect.stringMatching(/^feature: must not contain a NUL/) }] });
  });

  it("left org B's data as it was", async () => {
    expect(await snapshotOrg(orgB.ctx.orgId)).toBe(orgBBefore);
  });

  it("left Object.prototype unpolluted", () => {
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  });
});
