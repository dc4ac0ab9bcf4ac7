import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { GET as getPrices, POST as postPrices } from "@/app/api/v1/prices/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db, Prisma } from "@/lib/db";
import { callRoute } from "@/lib/test/api-request";
import { addMember, createOrgWithOwner } from "@/lib/test/fixtures";
import { dailyRollupMismatches } from "@/lib/test/daily-rollup-mismatches";
import { withTestDatabase } from "@/lib/test/test-database";
import { forgetOrgPricer } from "@/lib/ingest/org-pricer";
import { createPriceOverride } from "./create-price-override";
import { priceUnpricedEvents } from "./price-unpriced-events";

withTestDatabase();

function event(overrides: Record<string, unknown> = {}) {
  return { id: `e-${randomBytes(6).toString("hex")}`, timestamp: "2026-10-06T10:15:00Z", provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 1000, output_tokens: 500 }, feature: "search", run_id: "run-1", ...overrides };
}

async function costs(orgId: string) {
  expect(await dailyRollupMismatches(orgId)).toEqual([]);
  const sum = async (sql: Prisma.Sql) => new Prisma.Decimal(((await db.$queryRaw<{ s: Prisma.Decimal | null }[]>(sql))[0].s ?? 0)).toFixed(10);
  return {
    events: await sum(Prisma.sql`SELECT sum("costUsd") AS s FROM "Event" WHERE "orgId" = ${orgId}`),
    rollups: await sum(Prisma.sql`SELECT sum("costUsd") AS s FROM "CostRollupHourly" WHERE "orgId" = ${orgId}`),
    runs: await sum(Prisma.sql`SELECT sum("costUsd") AS s FROM "Run" WHERE "orgId" = ${orgId}`),
    unpriced: Number((await db.$queryRaw<{ s: bigint | null }[]>`SELECT sum("unpricedEvents") AS s FROM "CostRollupHourly" WHERE "orgId" = ${orgId}`)[0].s ?? 0),
  };
}

async function setUp() {
  const owner = await createOrgWithOwner();
  const key = (await createApiKey(owner, { name: "all", scopes: ["ingest", "read", "manage"] })).secret;
  return { owner, key };
}

describe("price overrides", () => {
  it("prices unpriced events as soon as a price for their model arrives, roll-ups and runs included", async () => {
    const { owner, key } = await setUp();
    await callRoute(postEvents, { key, body: { events: [event({ provider: "self_hosted", model: "llama-3.1-70b" }), event({ provider: "self_hosted", model: "llama-3.1-70b", run_id: "run-2" })] } });
    expect(await costs(owner.orgId)).toEqual({ events: "0.0000000000", rollups: "0.0000000000", runs: "0.0000000000", unpriced: 2 });
    const res = await callRoute(postPrices, {
      key,
      body: { kind: "custom", provider: "self_hosted", model: "llama-3.1-70b", input_price: "0.0000002", output_price: "0.0000004", effective_from: "2026-01-01" },
    });
    expect(res.status).toBe(201);
    expect(res.json.priced_unpriced_events).toBe(2);
    // each: 1000 × 0.0000002 + 500 × 0.0000004 = 0.0002 + 0.0002 = 0.0004
    expect(await costs(owner.orgId)).toEqual({ events: "0.0008000000", rollups: "0.0008000000", runs: "0.0008000000", unpriced: 0 });
    const audit = await db.auditLog.findMany({ where: { orgId: owner.orgId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["price_override.created", "prices.repriced"]));
  });

  it("re-prices the past from the effective date on request, and only then", async () => {
    const { owner, key } = await setUp();
    await callRoute(postEvents, { key, body: { events: [event({ timestamp: "2026-09-01T00:00:00Z" }), event({ timestamp: "2026-10-06T00:00:00Z" })] } });
    // catalog gpt-4o-mini: 1000 × 0.00000015 + 500 × 0.0000006 = 0.00015 + 0.0003 = 0.00045 each
    expect((await costs(owner.orgId)).events).toBe("0.0009000000");
    await callRoute(postPrices, { key, body: { kind: "discount", provider: "openai", discount_pct: 10, effective_from: "2026-10-01" } });
    expect((await costs(owner.orgId)).events).toBe("0.0009000000");
    const res = await callRoute(postPrices, { key, body: { kind: "discount", provider: "openai", discount_pct: "20", effective_from: "2026-10-01", reprice: true } });
    // only the October event: 0.00045 × 0.8 = 0.00036; September stays 0.00045
    expect(res.json.repriced).toEqual({ events: 1, cost_change_usd: "-0.00009" });
    expect(await costs(owner.orgId)).toEqual({ events: "0.0008100000", rollups: "0.0008100000", runs: "0.0008100000", unpriced: 0 });
    const listed = await callRoute(getPrices, { key, method: "GET" });
    expect(listed.json.prices.map((p: { discount_pct: string }) => p.discount_pct)).toEqual(["20", "10"]);
  });

  it("prices new events with the override in force at their timestamp", async () => {
    const { owner, key } = await setUp();
    await createPriceOverride(owner, { kind: "custom", provider: "self_hosted", model: "m1", input_price: "0.000001", output_price: "0.000001", effective_from: "2026-01-01" });
    await createPriceOverride(owner, { kind: "custom", provider: "self_hosted", model: "m1", input_price: "0.000002", output_price: "0.000002", effective_from: "2026-10-01" });
    await callRoute(postEvents, {
      key,
      body: { events: [event({ provider: "self_hosted", model: "m1", timestamp: "2026-09-30T23:59:59Z" }), event({ provider: "self_hosted", model: "m1", timestamp: "2026-10-01T00:00:00Z" })] },
    });
    const stored = await db.event.findMany({ where: { orgId: owner.orgId }, orderBy: { timestamp: "asc" } });
    // 1500 tokens × 0.000001 = 0.0015, then 1500 × 0.000002 = 0.003
    expect(stored.map((e) => e.costUsd.toString())).toEqual(["0.0015", "0.003"]);
  });

  it("names each bad field and refuses people and keys without the right", async () => {
    const { owner, key } = await setUp();
    const bad = await callRoute(postPrices, { key, body: { kind: "custom", provider: "Self Hosted", model: "", input_price: "-1", effective_from: "soon" } });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["provider", "model", "input_price", "output_price", "effective_from"]));
    const reader = (await createApiKey(owner, { name: "r", scopes: ["read", "ingest"] })).secret;
    expect((await callRoute(postPrices, { key: reader, body: { kind: "discount", provider: "openai", discount_pct: 5, effective_from: "2026-01-01" } })).status).toBe(401);
    const finance = await addMember(owner, "FINANCE");
    await expect(createPriceOverride(finance, { kind: "discount", provider: "openai", discount_pct: 5, effective_from: "2026-01-01" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const engineer = await addMember(owner, "ENGINEER");
    await expect(createPriceOverride(engineer, { kind: "discount", provider: "openai", discount_pct: 5, effective_from: "2026-01-01" })).resolves.toHaveProperty("id");
  });

  it("prices at start-up the unpriced events that a price now covers", async () => {
    const { owner, key } = await setUp();
    await callRoute(postEvents, { key, body: { events: [event({ provider: "self_hosted", model: "arrives-later" })] } });
    // A price that appears without the override flow (as a new catalog release would).
    await db.priceOverride.create({ data: { orgId: owner.orgId, kind: "custom", provider: "self_hosted", model: "arrives-later", inputPrice: "0.000001", outputPrice: "0.000001", effectiveFrom: new Date("2026-01-01") } });
    forgetOrgPricer(owner.orgId);
    expect((await priceUnpricedEvents()).events).toBeGreaterThanOrEqual(1);
    // 1500 tokens × 0.000001 = 0.0015
    expect(await costs(owner.orgId)).toEqual({ events: "0.0015000000", rollups: "0.0015000000", runs: "0.0015000000", unpriced: 0 });
  });

  it("Data Security and Isolation: one organization's prices never touch another's events", async () => {
    const a = await setUp();
    const b = await setUp();
    await callRoute(postEvents, { key: a.key, body: { events: [event({ provider: "self_hosted", model: "shared" })] } });
    await callRoute(postPrices, { key: b.key, body: { kind: "custom", provider: "self_hosted", model: "shared", input_price: "1", output_price: "1", effective_from: "2026-01-01", reprice: true } });
    expect((await costs(a.owner.orgId)).unpriced).toBe(1);
    expect((await callRoute(getPrices, { key: a.key, method: "GET" })).json.prices).toEqual([]);
  });
});
