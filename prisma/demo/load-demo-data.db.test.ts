import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { generateDemoData } from "./generate-demo-data";
import { loadDemoData } from "./load-demo-data";

withTestDatabase();

type Totals = { events: string; input: string; output: string; cached: string; cost: string };

async function eventTotals(orgId: string): Promise<Totals> {
  const [row] = await db.$queryRawUnsafe<Totals[]>(
    `SELECT count(*)::text AS events, sum("inputTokens")::text AS input, sum("outputTokens")::text AS output,
       sum("cachedInputTokens")::text AS cached, sum("costUsd")::text AS cost FROM "Event" WHERE "orgId" = $1`,
    orgId,
  );
  return row;
}

async function rollupTotals(orgId: string): Promise<Totals> {
  const [row] = await db.$queryRawUnsafe<Totals[]>(
    `SELECT sum("events")::text AS events, sum("inputTokens")::text AS input, sum("outputTokens")::text AS output,
       sum("cachedInputTokens")::text AS cached, sum("costUsd")::text AS cost FROM "CostRollupHourly" WHERE "orgId" = $1`,
    orgId,
  );
  return row;
}

async function rowCounts(orgId: string) {
  const where = { orgId };
  return {
    events: await db.event.count({ where }),
    rollups: await db.costRollupHourly.count({ where }),
    runs: await db.run.count({ where }),
    revenue: await db.revenue.count({ where }),
    overrides: await db.priceOverride.count({ where }),
    audit: await db.auditLog.count({ where }),
  };
}

describe("loadDemoData", () => {
  it("stores every generated event through the ingest code, with exact roll-ups, runs with outcomes, and adds nothing when run twice", async () => {
    const ctx = await createOrgWithOwner("Demo Load");
    const options = { now: new Date(), days: 3, seed: 11 };
    const data = generateDemoData(options);

    const first = await loadDemoData(ctx, options);
    expect(first).toMatchObject({ events: data.events.length, duplicates: 0, priceOverrides: 2, revenue: data.revenue.length });

    const events = await eventTotals(ctx.orgId);
    expect(Number(events.events)).toBe(data.events.length);
    expect(await rollupTotals(ctx.orgId)).toEqual(events);
    // Every model is priced: the catalog's by the catalog, the self-hosted one by its override.
    expect(await db.event.count({ where: { orgId: ctx.orgId, costSource: "unpriced" } })).toBe(0);
    expect(await db.event.count({ where: { orgId: ctx.orgId, provider: "self_hosted", priceKey: "custom:self_hosted/llama-3.1-70b" } })).toBe(
      data.events.filter((e) => e.provider === "self_hosted").length,
    );

    const runIds = new Set(data.events.map((e) => e.run_id).filter(Boolean));
    const runs = await db.run.findMany({ where: { orgId: ctx.orgId } });
    expect(runs.length).toBe(runIds.size);
    expect(runs.every((r) => r.outcome !== null && r.startedAt !== null)).toBe(true);
    expect(runs.reduce((a, r) => a + r.steps, 0)).toBe(data.events.filter((e) => e.run_id).length);
    const [runCost] = await db.$queryRawUnsafe<{ runs: string; events: string }[]>(
      `SELECT (SELECT sum("costUsd") FROM "Run" WHERE "orgId" = $1)::text AS runs,
              (SELECT sum("costUsd") FROM "Event" WHERE "orgId" = $1 AND "runId" IS NOT NULL)::text AS events`,
      ctx.orgId,
    );
    expect(runCost.runs).toBe(runCost.events);
    const incident = runs.filter((r) => data.facts.incident.runIds.includes(r.runId));
    expect(incident.length).toBe(data.facts.incident.runIds.length);
    expect(incident.every((r) => r.steps >= 100)).toBe(true);

    const before = await rowCounts(ctx.orgId);
    const second = await loadDemoData(ctx, options);
    expect(second).toMatchObject({ events: 0, duplicates: data.events.length, priceOverrides: 0, revenue: 0 });
    expect(await rowCounts(ctx.orgId)).toEqual(before);
    expect(await eventTotals(ctx.orgId)).toEqual(events);
    expect(await rollupTotals(ctx.orgId)).toEqual(events);
  });
});
