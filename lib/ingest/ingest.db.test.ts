import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as postOutcomes } from "@/app/api/v1/outcomes/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { OrgContext } from "@/lib/auth/org-context";
import { db, Prisma } from "@/lib/db";
import { callRoute } from "@/lib/test/api-request";
import { dailyRollupMismatches } from "@/lib/test/daily-rollup-mismatches";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { ingestEvents } from "./ingest-events";
import { validateEvents } from "./validate-events";

withTestDatabase();

const hour = "2026-10-06T10:";
function event(overrides: Record<string, unknown> = {}) {
  return {
    id: `evt-${randomBytes(6).toString("hex")}`,
    timestamp: `${hour}15:00Z`,
    provider: "openai",
    model: "gpt-4o-mini",
    usage: { input_tokens: 1200, output_tokens: 300 },
    cost_usd: "0.0012345678",
    feature: "search",
    team: "growth",
    run_id: "run-1",
    workflow: "answer",
    ...overrides,
  };
}

async function totals(orgId: string) {
  const [events] = await db.$queryRaw<{ n: bigint; cost: Prisma.Decimal | null }[]>`SELECT count(*) AS n, sum("costUsd") AS cost FROM "Event" WHERE "orgId" = ${orgId}`;
  const [rollups] = await db.$queryRaw<{ n: bigint | null; cost: Prisma.Decimal | null }[]>`SELECT sum("events") AS n, sum("costUsd") AS cost FROM "CostRollupHourly" WHERE "orgId" = ${orgId}`;
  const [runs] = await db.$queryRaw<{ n: bigint | null; cost: Prisma.Decimal | null }[]>`SELECT sum("steps") AS n, sum("costUsd") AS cost FROM "Run" WHERE "orgId" = ${orgId}`;
  const text = (d: Prisma.Decimal | null) => new Prisma.Decimal(d ?? 0).toFixed(10);
  // The daily roll-ups are the hourly ones summed by local day, always.
  expect(await dailyRollupMismatches(orgId)).toEqual([]);
  return { events: Number(events.n), eventCost: text(events.cost), rollupEvents: Number(rollups.n ?? 0), rollupCost: text(rollups.cost), runSteps: Number(runs.n ?? 0), runCost: text(runs.cost) };
}

describe("POST /api/v1/events", () => {
  let owner: OrgContext;
  let key: string;

  beforeAll(async () => {
    owner = await createOrgWithOwner();
    key = (await createApiKey(owner, { name: "ingest", scopes: ["ingest"] })).secret;
  });

  it("stores a batch with its roll-ups and runs, exact to the last decimal (200)", async () => {
    const org = await createOrgWithOwner();
    const k = (await createApiKey(org, { name: "i", scopes: ["ingest"] })).secret;
    const costs = ["0.0000000001", "0.1234567891", "12.5", "0.3333333333"];
    const res = await callRoute(postEvents, { key: k, body: { events: costs.map((cost_usd, i) => event({ cost_usd, run_id: `r${i % 2}` })) } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ accepted: 4, duplicates: 0, rejected: 0, errors: [] });
    expect(await totals(org.orgId)).toEqual({ events: 4, eventCost: "12.9567901225", rollupEvents: 4, rollupCost: "12.9567901225", runSteps: 4, runCost: "12.9567901225" });
  });

  it("counts a replayed batch as duplicates and leaves totals unchanged", async () => {
    const org = await createOrgWithOwner();
    const k = (await createApiKey(org, { name: "i", scopes: ["ingest"] })).secret;
    const batch = { events: [event(), event({ cost_usd: "0.5" }), event({ run_id: undefined })] };
    expect((await callRoute(postEvents, { key: k, body: batch })).json).toMatchObject({ accepted: 3, duplicates: 0 });
    const before = await totals(org.orgId);
    const replay = await callRoute(postEvents, { key: k, body: batch });
    expect(replay.status).toBe(200);
    expect(replay.json).toMatchObject({ accepted: 0, duplicates: 3, rejected: 0 });
    expect(await totals(org.orgId)).toEqual(before);
  });

  it("keeps the stored event as it was when a duplicate id arrives with other values", async () => {
    const first = event({ cost_usd: "1" });
    await callRoute(postEvents, { key, body: { events: [first] } });
    await callRoute(postEvents, { key, body: { events: [{ ...first, cost_usd: "999" }] } });
    const stored = await db.event.findFirstOrThrow({ where: { orgId: owner.orgId, id: first.id } });
    expect(stored.costUsd.toString()).toBe("1");
  });

  it("answers 207 with the index, id and field of each rejected event", async () => {
    const good = event();
    const res = await callRoute(postEvents, {
      key,
      body: { events: [good, { ...event(), usage: { input_tokens: -1 } }, { ...event(), provider: "OpenAI" }, { id: "x", timestamp: "yesterday" }] },
    });
    expect(res.status).toBe(207);
    expect(res.json.accepted).toBe(1);
    expect(res.json.rejected).toBe(3);
    expect(res.json.errors.map((e: { index: number }) => e.index)).toEqual([1, 2, 3]);
    expect(res.json.errors[0].message).toContain("usage.input_tokens");
    expect(res.json.errors[1].message).toContain("provider");
    expect(res.json.errors[2]).toMatchObject({ id: "x" });
    expect(res.json.errors[2].message).toContain("timestamp");
  });

  it("answers 400 for bad JSON, a missing events array, and a batch with no valid event", async () => {
    expect((await callRoute(postEvents, { key, rawBody: "{not json" })).status).toBe(400);
    expect((await callRoute(postEvents, { key, body: { event: [] } })).json.error).toMatch(/"events" array/);
    expect((await callRoute(postEvents, { key, body: { events: [] } })).status).toBe(400);
    const none = await callRoute(postEvents, { key, body: { events: [{ id: "a" }, { ...event(), cost_usd: "-1" }] } });
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject({ accepted: 0, rejected: 2 });
    expect(none.json.issues[0].path).toBe("events.0");
  });

  it("refuses events dated more than 5 minutes ahead", () => {
    const now = new Date("2026-10-06T10:00:00Z");
    const { valid, errors } = validateEvents([event({ timestamp: "2026-10-06T10:04:00Z" }), event({ timestamp: "2026-10-06T10:06:00Z" })], now);
    expect(valid).toHaveLength(1);
    expect(errors[0].message).toMatch(/future/);
  });

  it("answers 413 past 1,000 events or 5 MB", async () => {
    const many = Array.from({ length: 1001 }, () => event());
    expect((await callRoute(postEvents, { key, body: { events: many } })).status).toBe(413);
    const huge = JSON.stringify({ events: [event({ tags: { big: "x".repeat(200) } })], pad: "y".repeat(5 * 1024 * 1024) });
    expect((await callRoute(postEvents, { key, rawBody: huge })).status).toBe(413);
  });

  it("answers 401 without a key or with a key lacking the ingest scope", async () => {
    const reader = (await createApiKey(owner, { name: "reader", scopes: ["read"] })).secret;
    expect((await callRoute(postEvents, { key: reader, body: { events: [event()] } })).status).toBe(401);
    expect((await callRoute(postEvents, { key: `mk_${"q".repeat(40)}`, body: { events: [event()] } })).status).toBe(401);
  });

  it("stores nothing of a batch that fails in the database", async () => {
    const org = await createOrgWithOwner();
    const before = await totals(org.orgId);
    // An unknown time zone makes the roll-up part of the statement fail after the events part ran.
    await expect(ingestEvents({ ...org, timeZone: "Not/AZone" }, validateEvents([event(), event()]).valid)).rejects.toThrow();
    expect(await totals(org.orgId)).toEqual(before);
  });

  it("ends with exactly the distinct events when 8 clients send overlapping batches at once", async () => {
    const org = await createOrgWithOwner();
    const k = (await createApiKey(org, { name: "i", scopes: ["ingest"] })).secret;
    const pool = Array.from({ length: 400 }, (_, i) => event({ cost_usd: `0.00${(i % 97) + 1}`, run_id: `run-${i % 13}`, feature: `f${i % 5}` }));
    const batches = Array.from({ length: 8 }, (_, c) => pool.slice(c * 40, c * 40 + 120));
    const responses = await Promise.all(batches.map((events) => callRoute(postEvents, { key: k, body: { events } })));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const accepted = responses.reduce((sum, r) => sum + r.json.accepted, 0);
    const distinct = new Set(batches.flat().map((e) => e.id));
    expect(accepted).toBe(distinct.size);
    const expectedCost = [...distinct].reduce((sum, id) => sum.plus(pool.find((e) => e.id === id)!.cost_usd as string), new Prisma.Decimal(0)).toFixed(10);
    expect(await totals(org.orgId)).toEqual({ events: distinct.size, eventCost: expectedCost, rollupEvents: distinct.size, rollupCost: expectedCost, runSteps: distinct.size, runCost: expectedCost });
  });

  it("answers 429 with Retry-After when a key exceeds its rate limit", async () => {
    const k = (await createApiKey(owner, { name: "busy", scopes: ["ingest"] })).secret;
    process.env.MARGINAL_RATE_LIMIT_RPS = "1";
    process.env.MARGINAL_RATE_LIMIT_BURST = "2";
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 4; i++) {
        const res = await callRoute(postEvents, { key: k, body: { events: [event()] } });
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get("retry-after");
      }
      expect(statuses.slice(0, 2)).toEqual([200, 200]);
      expect(statuses).toContain(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    } finally {
      delete process.env.MARGINAL_RATE_LIMIT_RPS;
      delete process.env.MARGINAL_RATE_LIMIT_BURST;
    }
  });
});

describe("POST /api/v1/outcomes", () => {
  it("records the latest outcome of a run, even before its events", async () => {
    const org = await createOrgWithOwner();
    const k = (await createApiKey(org, { name: "i", scopes: ["ingest"] })).secret;
    const res = await callRoute(postOutcomes, {
      key: k,
      body: { outcomes: [
        { run_id: "r-early", outcome: "failure", timestamp: "2026-10-06T10:00:00Z" },
        { run_id: "r-early", outcome: "success", value_usd: "0.99", timestamp: "2026-10-06T11:00:00Z" },
        { run_id: "r-bad", outcome: "maybe" },
      ] },
    });
    expect(res.status).toBe(207);
    expect(res.json).toMatchObject({ accepted: 1, rejected: 1 });
    const older = await callRoute(postOutcomes, { key: k, body: { outcomes: [{ run_id: "r-early", outcome: "abandoned", timestamp: "2026-10-06T09:00:00Z" }] } });
    expect(older.json).toMatchObject({ accepted: 0, duplicates: 1 });
    await callRoute(postEvents, { key: k, body: { events: [event({ run_id: "r-early", cost_usd: "0.25" })] } });
    const run = await db.run.findUniqueOrThrow({ where: { orgId_runId: { orgId: org.orgId, runId: "r-early" } } });
    expect(run).toMatchObject({ outcome: "success", steps: 1 });
    expect(run.outcomeValueUsd?.toString()).toBe("0.99");
    expect(run.costUsd.toString()).toBe("0.25");
  });
});

describe("Data Security and Isolation", () => {
  it("keeps ids, roll-ups and runs of two organizations apart", async () => {
    const a = await createOrgWithOwner();
    const b = await createOrgWithOwner();
    const ka = (await createApiKey(a, { name: "a", scopes: ["ingest"] })).secret;
    const kb = (await createApiKey(b, { name: "b", scopes: ["ingest"] })).secret;
    const shared = event({ id: "same-id", run_id: "same-run", cost_usd: "2" });
    expect((await callRoute(postEvents, { key: ka, body: { events: [shared] } })).json.accepted).toBe(1);
    expect((await callRoute(postEvents, { key: kb, body: { events: [{ ...shared, cost_usd: "3" }] } })).json.accepted).toBe(1);
    await callRoute(postOutcomes, { key: kb, body: { outcomes: [{ run_id: "same-run", outcome: "success" }] } });
    expect((await totals(a.orgId)).eventCost).toBe("2.0000000000");
    expect((await totals(b.orgId)).eventCost).toBe("3.0000000000");
    const runA = await db.run.findUniqueOrThrow({ where: { orgId_runId: { orgId: a.orgId, runId: "same-run" } } });
    expect(runA.outcome).toBeNull();
  });
});

describe.skipIf(process.env.MARGINAL_TEST_DB !== "postgres")("when the database cannot be reached", () => {
  it("answers 503 with Retry-After and stores nothing", async () => {
    const org = await createOrgWithOwner();
    const k = (await createApiKey(org, { name: "i", scopes: ["ingest"] })).secret;
    await callRoute(postEvents, { key: k, body: { events: [event()] } }); // warms the key and pricer caches
    const { openDatabase } = await import("@/lib/db/connection");
    const holder = globalThis as unknown as { marginalDb: ReturnType<typeof openDatabase> };
    const live = holder.marginalDb;
    holder.marginalDb = openDatabase({ kind: "postgresql", url: "postgresql://postgres@127.0.0.1:1/none" });
    try {
      const res = await callRoute(postEvents, { key: k, body: { events: [event()] } });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBeTruthy();
    } finally {
      await holder.marginalDb.close().catch(() => undefined);
      holder.marginalDb = live;
    }
    expect((await totals(org.orgId)).events).toBe(1);
  });
});
