import { describe, expect, it } from "vitest";
import { POST as postImport } from "@/app/api/v1/imports/[kind]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { OrgContext } from "@/lib/auth/org-context";
import { db, Prisma } from "@/lib/db";
import { toCsv } from "@/lib/csv/to-csv";
import { callRoute } from "@/lib/test/api-request";
import { addMember, createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { commitEventsImport, previewEventsImport } from "./import-events";

withTestDatabase();

const HEADER = ["id", "time", "provider", "model", "prompt_tokens", "completion_tokens", "cost", "feature", "run_id", "tag.region"];

/** A CSV of events: good rows, then (optionally) bad rows at known lines. */
function eventsCsv(prefix: string, costs: string[], bad: string[][] = []): string {
  const good = costs.map((cost, i) => [`${prefix}-${i}`, `2026-10-06T10:${String(i % 60).padStart(2, "0")}:00Z`, "openai", "gpt-4o-mini", "1200", "300", cost, "search", `run-${i % 3}`, "eu"]);
  return toCsv(HEADER, [...good, ...bad]);
}

async function totals(orgId: string) {
  const [events] = await db.$queryRaw<{ n: bigint; cost: Prisma.Decimal | null }[]>`SELECT count(*) AS n, sum("costUsd") AS cost FROM "Event" WHERE "orgId" = ${orgId}`;
  const [rollups] = await db.$queryRaw<{ n: bigint | null; cost: Prisma.Decimal | null }[]>`SELECT sum("events") AS n, sum("costUsd") AS cost FROM "CostRollupHourly" WHERE "orgId" = ${orgId}`;
  const text = (d: Prisma.Decimal | null) => new Prisma.Decimal(d ?? 0).toFixed(10);
  return { events: Number(events.n), eventCost: text(events.cost), rollupEvents: Number(rollups.n ?? 0), rollupCost: text(rollups.cost) };
}

function sum(costs: string[]): string {
  return costs.reduce((total, c) => total.plus(c), new Prisma.Decimal(0)).toFixed(10);
}

async function orgWithKey(scopes: ("ingest" | "read" | "manage")[] = ["ingest"]): Promise<{ org: OrgContext; key: string }> {
  const org = await createOrgWithOwner();
  return { org, key: (await createApiKey(org, { name: "importer", scopes })).secret };
}

function postCsv(key: string | undefined, csv: string, query = "", kind = "events") {
  return callRoute(postImport, { key, url: `http://localhost/api/v1/imports/${kind}${query}`, rawBody: csv, headers: { "content-type": "text/csv; charset=utf-8" }, params: { kind } });
}

const COSTS = ["0.0000000001", "0.1234567891", "12.5", "0.3333333333", "7"];
// Lines: header 1, good rows 2-6, then the bad rows.
const BAD_ROWS = [
  ["bad-number", "2026-10-06T11:00:00Z", "openai", "gpt-4o-mini", "12,5", "3", "0.1", "", "", ""],
  ["bad-provider", "2026-10-06T11:00:00Z", "OpenAI", "gpt-4o-mini", "1", "1", "abc", "", "", ""],
];

describe("POST /api/v1/imports/events", () => {
  it("previews a dry run with line-numbered errors and stores nothing", async () => {
    const { org, key } = await orgWithKey();
    const res = await postCsv(key, eventsCsv("dry", COSTS, BAD_ROWS), "?dry_run=true");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ rows: 7, valid: 5, rejected: 2, duplicates: 0, warnings: [] });
    expect(res.json.columns.map((c: { field: string }) => c.field)).toEqual(["id", "timestamp", "provider", "model", "usage.input_tokens", "usage.output_tokens", "cost_usd", "feature", "run_id", "tags.region"]);
    expect(res.json.errors).toEqual([
      { line: 7, index: 5, id: "bad-number", message: expect.stringContaining('prompt_tokens (usage.input_tokens): "12,5" is not a number') },
      { line: 8, index: 6, id: "bad-provider", message: expect.stringMatching(/cost \(cost_usd\): "abc" is not a number.*provider: must be lower-case/) },
    ]);
    expect(res.json.sample).toHaveLength(5);
    expect(res.json.sample[1]).toMatchObject({ line: 3, id: "dry-1", cost_usd: "0.1234567891", usage: { input_tokens: 1200, output_tokens: 300 }, tags: { region: "eu" } });
    expect(await totals(org.orgId)).toEqual({ events: 0, eventCost: "0.0000000000", rollupEvents: 0, rollupCost: "0.0000000000" });
  });

  it("commits exactly the valid rows, with totals equal to the file's cost column (207)", async () => {
    const { org, key } = await orgWithKey();
    const res = await postCsv(key, eventsCsv("c", COSTS, BAD_ROWS));
    expect(res.status).toBe(207);
    expect(res.json).toMatchObject({ rows: 7, accepted: 5, duplicates: 0, rejected: 2 });
    expect(res.json.errors.map((e: { line: number }) => e.line)).toEqual([7, 8]);
    const stored = await db.event.findMany({ where: { orgId: org.orgId }, orderBy: { id: "asc" } });
    expect(stored.map((e) => e.id)).toEqual(["c-0", "c-1", "c-2", "c-3", "c-4"]);
    expect(stored.map((e) => e.costUsd.toString())).toEqual(["1e-10", "0.1234567891", "12.5", "0.3333333333", "7"]);
    expect(stored.every((e) => e.costSource === "reported")).toBe(true);
    expect(await totals(org.orgId)).toEqual({ events: 5, eventCost: sum(COSTS), rollupEvents: 5, rollupCost: sum(COSTS) });
  });

  it("counts a second import of the same file as duplicates, not double totals", async () => {
    const { org, key } = await orgWithKey();
    const csv = eventsCsv("twice", COSTS);
    expect((await postCsv(key, csv)).json).toMatchObject({ accepted: 5, duplicates: 0, rejected: 0 });
    const before = await totals(org.orgId);
    const preview = await postCsv(key, csv, "?dry_run=true");
    expect(preview.json).toMatchObject({ valid: 5, duplicates: 5 });
    const again = await postCsv(key, csv);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ accepted: 0, duplicates: 5, rejected: 0 });
    expect(await totals(org.orgId)).toEqual(before);
    expect(before).toEqual({ events: 5, eventCost: sum(COSTS), rollupEvents: 5, rollupCost: sum(COSTS) });
  });

  it("imports more rows than one ingest batch, in chunks", async () => {
    const { org, key } = await orgWithKey();
    const costs = Array.from({ length: 2345 }, (_, i) => `0.${String(i + 1).padStart(6, "0")}`);
    const res = await postCsv(key, eventsCsv("many", costs));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ rows: 2345, accepted: 2345, duplicates: 0, rejected: 0 });
    expect(await totals(org.orgId)).toEqual({ events: 2345, eventCost: sum(costs), rollupEvents: 2345, rollupCost: sum(costs) });
  });

  it("answers 400 and stores nothing for a malformed file, for a file with no valid row and for no rows", async () => {
    const { org, key } = await orgWithKey();
    const unbalanced = `${eventsCsv("m", COSTS)}m-9,2026-10-06T10:00:00Z,openai,"gpt-4o-mini,1,1,0.1,,,\n`;
    for (const query of ["", "?dry_run=true"]) {
      const res = await postCsv(key, unbalanced, query);
      expect(res.status).toBe(400);
      expect(res.json.error).toMatch(/^Line 7: a quoted field is never closed/);
      expect(res.json.issues).toEqual([{ path: "line 7", message: expect.any(String) }]);
    }
    const none = await postCsv(key, toCsv(HEADER, BAD_ROWS));
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject({ accepted: 0, duplicates: 0, rejected: 2 });
    expect(none.json.error).toMatch(/^No valid rows: line 2: /);
    expect(none.json.issues[0].path).toBe("line 2");
    expect((await postCsv(key, toCsv(HEADER, []))).status).toBe(400);
    expect((await postCsv(key, "")).status).toBe(400);
    expect((await totals(org.orgId)).events).toBe(0);
  });

  it("reads JSON bodies: a CSV with an explicit mapping, or event rows", async () => {
    const { org, key } = await orgWithKey();
    const csv = "event,when,vendor,model,spend,notes\nj1,2026-10-06T10:00:00Z,openai,gpt-4o,0.5,x\n";
    const preview = await callRoute(postImport, { key, url: "http://localhost/api/v1/imports/events?dry_run=1", body: { csv }, params: { kind: "events" } });
    expect(preview.json.valid).toBe(0);
    expect(preview.json.warnings).toContain("No column maps to id, which is required: every row will be rejected.");
    const mapping = { event: "id", when: "timestamp", spend: "cost_usd", notes: "tags.notes" };
    const mapped = await callRoute(postImport, { key, body: { csv, mapping }, params: { kind: "events" } });
    expect(mapped.status).toBe(200);
    expect(mapped.json).toMatchObject({ accepted: 1, rejected: 0 });
    const stored = await db.event.findFirstOrThrow({ where: { orgId: org.orgId, id: "j1" } });
    expect(stored.costUsd.toString()).toBe("0.5");
    expect(stored.tags).toEqual({ notes: "x" });
    const badMapping = await callRoute(postImport, { key, body: { csv, mapping: { event: "identifier" } }, params: { kind: "events" } });
    expect(badMapping.status).toBe(400);
    expect(badMapping.json.issues[0].path).toBe("mapping.event");

    const rows = [
      { id: "j2", timestamp: "2026-10-06T10:00:00Z", provider: "openai", model: "gpt-4o", cost_usd: "0.25" },
      { id: "j3", timestamp: "2026-10-06T10:00:00Z", provider: "openai" },
    ];
    const fromRows = await callRoute(postImport, { key, body: { events: rows }, params: { kind: "events" } });
    expect(fromRows.status).toBe(207);
    expect(fromRows.json).toMatchObject({ accepted: 1, rejected: 1, errors: [{ line: null, index: 1, id: "j3", message: expect.stringContaining("model") }] });
  });

  it("answers 400 for a body it cannot read and for an unclear dry_run, 413 past 5 MB", async () => {
    const { key } = await orgWithKey();
    expect((await callRoute(postImport, { key, rawBody: "id\n1", headers: { "content-type": "application/xml" }, params: { kind: "events" } })).status).toBe(400);
    expect((await callRoute(postImport, { key, body: { rows: [] }, params: { kind: "events" } })).status).toBe(400);
    expect((await postCsv(key, eventsCsv("q", COSTS), "?dry_run=yes")).status).toBe(400);
    expect((await postCsv(key, `id\n${"x".repeat(5 * 1024 * 1024)}\n`)).status).toBe(413);
  });

  it("answers 401 for an unknown key or a read-only key, and 404 for kinds it does not serve", async () => {
    const { org, key } = await orgWithKey(["read"]);
    const csv = eventsCsv("k", COSTS);
    expect((await postCsv(key, csv)).status).toBe(401);
    expect((await postCsv(key, csv, "?dry_run=true")).status).toBe(401);
    expect((await postCsv(`mk_${"q".repeat(40)}`, csv)).status).toBe(401);
    expect((await postCsv(key, csv, "", "revenue")).status).toBe(401);
    const unknown = await postCsv(key, csv, "", "constructor");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatch(/^Unknown import kind 'constructor'/);
    expect((await totals(org.orgId)).events).toBe(0);
  });
});

describe("previewEventsImport and commitEventsImport", () => {
  it("let members who may ingest import, and refuse viewers", async () => {
    const owner = await createOrgWithOwner();
    const viewer = await addMember(owner, "VIEWER");
    const finance = await addMember(owner, "FINANCE");
    const csv = eventsCsv("role", COSTS);
    await expect(previewEventsImport(viewer, csv)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(commitEventsImport(viewer, csv)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await previewEventsImport(finance, csv)).toMatchObject({ rows: 5, valid: 5 });
    expect(await commitEventsImport(finance, csv)).toMatchObject({ accepted: 5, duplicates: 0, rejected: 0 });
  });

  it("apply an explicit mapping over the automatic one", async () => {
    const org = await createOrgWithOwner();
    const csv = "id,timestamp,provider,model,cost,list_price\nm1,2026-10-06T10:00:00Z,openai,gpt-4o,9.99,0.01\n";
    const preview = await previewEventsImport(org, csv, { cost: null, list_price: "cost_usd" });
    expect(preview.columns.map((c) => c.field)).toEqual(["id", "timestamp", "provider", "model", null, "cost_usd"]);
    expect(preview.sample[0].cost_usd).toBe("0.01");
    await commitEventsImport(org, csv, { cost: null, list_price: "cost_usd" });
    expect((await totals(org.orgId)).eventCost).toBe("0.0100000000");
  });
});

describe("Data Security and Isolation", () => {
  it("stores an import in its own organization only, with ids per organization", async () => {
    const a = await orgWithKey();
    const b = await orgWithKey();
    const csv = eventsCsv("shared", COSTS);
    expect((await postCsv(a.key, csv)).json).toMatchObject({ accepted: 5 });
    expect((await totals(b.org.orgId)).events).toBe(0);
    // The same ids are new to B: a preview in B sees no duplicates, and B's import stores them.
    expect((await postCsv(b.key, csv, "?dry_run=true")).json).toMatchObject({ valid: 5, duplicates: 0 });
    expect((await postCsv(b.key, csv)).json).toMatchObject({ accepted: 5, duplicates: 0 });
    expect(await totals(a.org.orgId)).toEqual(await totals(b.org.orgId));
    expect((await totals(a.org.orgId)).events).toBe(5);
  });
});
