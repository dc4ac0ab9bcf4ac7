import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { OrgContext } from "@/lib/auth/org-context";
import { queryRaw } from "@/lib/db";
import { updateOrganization } from "@/lib/orgs/update-organization";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { dropExpiredEventMonths } from "./drop-expired-event-months";
import { addUtcMonths, EVENT_PARTITION_SCHEMA, eventPartitionName, utcMonthStart } from "./event-months";
import { EVENT_RETENTION_ENV } from "./event-retention";

withTestDatabase();

// Months relative to the real clock: ingest refuses events from the future.
const now = new Date();
const current = utcMonthStart(now);
const monthsAgo = (n: number) => addUtcMonths(current, -n);
const at = (month: Date, minutes = 30) => new Date(month.getTime() + minutes * 60_000).toISOString();

function event(id: string, timestamp: string, cost = "0.5") {
  return { id, timestamp, provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 10, output_tokens: 5 }, cost_usd: cost, run_id: "run-1" };
}

type Tenant = { ctx: OrgContext; key: string };

async function tenant(): Promise<Tenant> {
  const ctx = await createOrgWithOwner();
  return { ctx, key: (await createApiKey(ctx, { name: "ingest", scopes: ["ingest"] })).secret };
}

async function send(t: Tenant, events: unknown[]) {
  return callRoute(postEvents, { key: t.key, body: { events } });
}

async function partitions(): Promise<string[]> {
  const rows = await queryRaw<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '"Event"'::regclass ORDER BY 1`,
    [],
  );
  return rows.map((r) => r.name);
}

async function counts(orgId: string) {
  const [row] = await queryRaw<{ events: number; keys: number; event_cost: string | null; rollup_events: string | null; rollup_cost: string | null; daily_cost: string | null; run_cost: string | null }>(
    `SELECT (SELECT count(*)::int FROM "Event" WHERE "orgId" = $1) AS events,
            (SELECT count(*)::int FROM "EventKey" WHERE "orgId" = $1) AS keys,
            (SELECT sum("costUsd")::text FROM "Event" WHERE "orgId" = $1) AS event_cost,
            (SELECT sum("events")::text FROM "CostRollupHourly" WHERE "orgId" = $1) AS rollup_events,
            (SELECT sum("costUsd")::text FROM "CostRollupHourly" WHERE "orgId" = $1) AS rollup_cost,
            (SELECT sum("costUsd")::text FROM "CostRollupDaily" WHERE "orgId" = $1) AS daily_cost,
            (SELECT sum("costUsd")::text FROM "Run" WHERE "orgId" = $1) AS run_cost`,
    [orgId],
  );
  return row;
}

async function keysByMonth(orgId: string): Promise<Record<string, number>> {
  const rows = await queryRaw<{ month: string; n: number }>(
    `SELECT to_char("timestamp" AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS n FROM "EventKey" WHERE "orgId" = $1 GROUP BY 1 ORDER BY 1`,
    [orgId],
  );
  return Object.fromEntries(rows.map((r) => [r.month, r.n]));
}

const monthLabel = (month: Date) => month.toISOString().slice(0, 7);

afterEach(() => {
  delete process.env[EVENT_RETENTION_ENV];
});

describe("raw events partitioned by month", () => {
  let a: Tenant;

  beforeAll(async () => {
    a = await tenant();
  });

  it("creates each month's partition in its own schema as events for it arrive", async () => {
    const res = await send(a, [event(`p-${randomBytes(4).toString("hex")}`, at(monthsAgo(5))), event(`p-${randomBytes(4).toString("hex")}`, at(monthsAgo(4)))]);
    expect(res.json).toMatchObject({ accepted: 2, duplicates: 0 });
    const names = await partitions();
    expect(names).toEqual(expect.arrayContaining([eventPartitionName(monthsAgo(5)), eventPartitionName(monthsAgo(4))]));
    const [schema] = await queryRaw<{ schema: string }>(`SELECT schemaname AS schema FROM pg_tables WHERE tablename = $1`, [eventPartitionName(monthsAgo(5))]);
    expect(schema.schema).toBe(EVENT_PARTITION_SCHEMA);
  });

  it("counts an id the organization has in another month as a duplicate and keeps the stored event", async () => {
    const id = `dup-${randomBytes(4).toString("hex")}`;
    await send(a, [event(id, at(monthsAgo(3)), "1")]);
    const before = await counts(a.ctx.orgId);
    const again = await send(a, [event(id, at(monthsAgo(1)), "999")]);
    expect(again.json).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await counts(a.ctx.orgId)).toEqual(before);
    const stored = await queryRaw<{ timestamp: Date; costUsd: string }>(`SELECT "timestamp", "costUsd"::text AS "costUsd" FROM "Event" WHERE "orgId" = $1 AND "id" = $2`, [a.ctx.orgId, id]);
    expect(stored).toEqual([{ timestamp: new Date(at(monthsAgo(3))), costUsd: "1.0000000000" }]);
  });

  it("stores an id repeated within one batch once, the first sent, even across months", async () => {
    const id = `twice-${randomBytes(4).toString("hex")}`;
    const res = await send(a, [event(id, at(monthsAgo(2)), "2"), event(id, at(monthsAgo(1)), "3")]);
    expect(res.json).toMatchObject({ accepted: 1, duplicates: 1 });
    const stored = await queryRaw<{ costUsd: string }>(`SELECT "costUsd"::text AS "costUsd" FROM "Event" WHERE "orgId" = $1 AND "id" = $2`, [a.ctx.orgId, id]);
    expect(stored).toEqual([{ costUsd: "2.0000000000" }]);
    const c = await counts(a.ctx.orgId);
    expect(c.keys).toBe(c.events);
  });

  it("re-creates a partition dropped behind this process's back and stores the batch", async () => {
    const month = monthsAgo(6);
    await send(a, [event(`r-${randomBytes(4).toString("hex")}`, at(month))]);
    // Dropped straight in the database: this process still believes the month exists.
    await queryRaw(`DELETE FROM "EventKey" WHERE "timestamp" >= $1 AND "timestamp" < $2`, [month, addUtcMonths(month, 1)]);
    await queryRaw(`DROP TABLE "${EVENT_PARTITION_SCHEMA}"."${eventPartitionName(month)}"`, []);
    const res = await send(a, [event(`r-${randomBytes(4).toString("hex")}`, at(month, 60))]);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ accepted: 1 });
    expect(await partitions()).toContain(eventPartitionName(month));
  });
});

describe("retention", () => {
  it("drops whole old months for every organization, with their keys, and leaves roll-ups and runs as they were", async () => {
    const [a, b] = [await tenant(), await tenant()];
    for (const t of [a, b]) {
      const res = await send(t, [
        event("old-1", at(monthsAgo(9))),
        event("old-2", at(monthsAgo(9), 90)),
        event("kept-1", at(monthsAgo(7))),
        event("kept-2", at(current, 1)),
      ]);
      expect(res.json).toMatchObject({ accepted: 4 });
    }
    const before = [await counts(a.ctx.orgId), await counts(b.ctx.orgId)];

    const dropped = await dropExpiredEventMonths({ now, retentionMonths: 8 });
    expect(dropped.map(monthLabel)).toContain(monthLabel(monthsAgo(9)));
    expect(dropped.map(monthLabel)).not.toContain(monthLabel(monthsAgo(8)));
    expect(await partitions()).not.toContain(eventPartitionName(monthsAgo(9)));
    expect(await partitions()).toContain(eventPartitionName(monthsAgo(7)));

    for (const [i, t] of [a, b].entries()) {
      const after = await counts(t.ctx.orgId);
      expect({ events: after.events, keys: after.keys }).toEqual({ events: 2, keys: 2 });
      // Pages read ranges from the roll-ups and runs: they keep every month.
      expect({ rollupEvents: after.rollup_events, rollupCost: after.rollup_cost, dailyCost: after.daily_cost, runCost: after.run_cost }).toEqual({
        rollupEvents: before[i].rollup_events,
        rollupCost: before[i].rollup_cost,
        dailyCost: before[i].daily_cost,
        runCost: before[i].run_cost,
      });
      expect(await keysByMonth(t.ctx.orgId)).toEqual({ [monthLabel(monthsAgo(7))]: 1, [monthLabel(current)]: 1 });
    }
    // Nothing more to drop the second time.
    expect((await dropExpiredEventMonths({ now, retentionMonths: 8 })).map(monthLabel)).not.toContain(monthLabel(monthsAgo(9)));
  });

  it("refuses a time-zone change that would rebuild roll-ups from events retention dropped", async () => {
    const [dropped, whole] = [await tenant(), await tenant()];
    await send(dropped, [event("gone", at(monthsAgo(11))), event("here", at(monthsAgo(1)))]);
    await send(whole, [event("here", at(monthsAgo(1)))]);
    await dropExpiredEventMonths({ now, retentionMonths: 10 });
    const before = await counts(dropped.ctx.orgId);
    await expect(updateOrganization(dropped.ctx, { name: dropped.ctx.orgName, timeZone: "Asia/Kolkata" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await counts(dropped.ctx.orgId)).toEqual(before);
    // An organization whose roll-ups all still have their events is rebuilt as before.
    await updateOrganization(whole.ctx, { name: whole.ctx.orgName, timeZone: "Asia/Kolkata" });
    expect((await counts(whole.ctx.orgId)).rollup_events).toBe("1");
  });

  it("drops nothing when every event is kept", async () => {
    const before = await partitions();
    expect(await dropExpiredEventMonths({ now, retentionMonths: null })).toEqual([]);
    expect(await partitions()).toEqual(before);
  });

  it("rejects events older than the window by their timestamp (207 with others, 400 alone), never a 500", async () => {
    const t = await tenant();
    process.env[EVENT_RETENTION_ENV] = "2";
    const mixed = await send(t, [event("too-old", at(monthsAgo(3))), event("in-window", at(monthsAgo(2)))]);
    expect(mixed.status).toBe(207);
    expect(mixed.json).toMatchObject({ accepted: 1, rejected: 1 });
    expect(mixed.json.errors[0]).toMatchObject({ index: 0, id: "too-old" });
    expect(mixed.json.errors[0].message).toMatch(new RegExp(`^timestamp: must not be before ${monthsAgo(2).toISOString()}.*${EVENT_RETENTION_ENV}`));
    const alone = await send(t, [event("too-old", at(monthsAgo(3)))]);
    expect(alone.status).toBe(400);
    expect(alone.json.issues[0].message).toMatch(/^timestamp: /);
  });

  it("isolation: organizations' keys never collide, and one's duplicate is another's new event", async () => {
    const [a, b] = [await tenant(), await tenant()];
    expect((await send(a, [event("shared-id", at(monthsAgo(1)), "1")])).json).toMatchObject({ accepted: 1 });
    expect((await send(b, [event("shared-id", at(monthsAgo(2)), "2")])).json).toMatchObject({ accepted: 1 });
    expect((await send(a, [event("shared-id", at(monthsAgo(2)), "3")])).json).toMatchObject({ duplicates: 1 });
    const rows = await queryRaw<{ orgId: string; costUsd: string }>(
      `SELECT "orgId", "costUsd"::text AS "costUsd" FROM "Event" WHERE "id" = 'shared-id' AND "orgId" = ANY($1::text[]) ORDER BY "costUsd"`,
      [[a.ctx.orgId, b.ctx.orgId]],
    );
    expect(rows).toEqual([
      { orgId: a.ctx.orgId, costUsd: "1.0000000000" },
      { orgId: b.ctx.orgId, costUsd: "2.0000000000" },
    ]);
    expect(await keysByMonth(a.ctx.orgId)).toEqual({ [monthLabel(monthsAgo(1))]: 1 });
    expect(await keysByMonth(b.ctx.orgId)).toEqual({ [monthLabel(monthsAgo(2))]: 1 });
  });
});
