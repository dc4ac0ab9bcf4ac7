import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openSqlTarget, type SqlTarget } from "@/lib/db/migrations/open-sql-target";
import { WRITE_EVENTS_SQL, writeEventsParams } from "@/lib/ingest/write-events-sql";
import type { NormalizedEvent } from "@/lib/ingest/schemas";
import { ensureEventPartitions, forgetKnownEventPartitions } from "./ensure-event-partitions";

const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");
const PARTITIONING_MIGRATION = /_event_partitions$/;

// A fresh database of the project's kind: in-memory PGlite (unit), or a new database on the
// PostgreSQL server at TEST_DATABASE_URL (integration), dropped afterwards.
let target: SqlTarget;
let dropServerDatabase: (() => Promise<void>) | null = null;
let tempDir: string;

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeEach(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), "marginal-partitions-"));
  forgetKnownEventPartitions();
  if (process.env.MARGINAL_TEST_DB !== "postgres") {
    target = await openSqlTarget({ inMemory: true });
    return;
  }
  const name = `marginal_p_${randomBytes(6).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  target = await openSqlTarget({ databaseUrl: url.toString() });
  dropServerDatabase = () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined);
});

afterEach(async () => {
  await target.close();
  await dropServerDatabase?.();
  dropServerDatabase = null;
  await rm(tempDir, { recursive: true, force: true });
});

// The migrations folder as it was just before events were partitioned.
async function migrationsBeforePartitioning(): Promise<string> {
  const dir = path.join(tempDir, "migrations");
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const cut = names.findIndex((name) => PARTITIONING_MIGRATION.test(name));
  expect(cut).toBeGreaterThan(0);
  for (const name of names.slice(0, cut)) await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  return dir;
}

const OLD_ROWS = [
  { orgId: "org-a", id: "e1", timestamp: "2026-08-31T23:59:59.999Z", cost: "0.0000000001", tags: '{"k": "v"}' },
  { orgId: "org-a", id: "e2", timestamp: "2026-09-01T00:00:00.000Z", cost: "1.5000000000", tags: null },
  { orgId: "org-b", id: "e1", timestamp: "2026-10-15T12:00:00.000Z", cost: "2.2500000000", tags: null },
];

function normalized(id: string, timestamp: string): NormalizedEvent {
  return {
    id,
    timestamp: new Date(timestamp),
    provider: "openai",
    model: "gpt-4o-mini",
    operation: "chat",
    inputTokens: 1,
    outputTokens: 1,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    reportedCostUsd: "9",
    latencyMs: null,
    status: "ok",
    feature: null,
    team: null,
    customer: null,
    environment: null,
    workflow: null,
    runId: null,
    step: null,
    user: null,
    tags: null,
  };
}

describe("the event_partitions migration", () => {
  it("moves a populated Event table into monthly partitions, rows and ids kept, duplicates still caught", async () => {
    await applyMigrations(target, await migrationsBeforePartitioning());
    for (const row of OLD_ROWS) {
      await target.query(
        `INSERT INTO "Event" ("orgId", "id", "timestamp", "provider", "model", "costUsd", "costSource", "tags", "priceKey")
         VALUES ($1, $2, $3, 'openai', 'gpt-4o', $4, 'reported', $5::jsonb, 'k')`,
        [row.orgId, row.id, row.timestamp, row.cost, row.tags],
      );
    }
    // The session's zone must not move a month's bounds.
    await target.exec(`SET TIME ZONE 'America/New_York'`);
    const applied = await applyMigrations(target, MIGRATIONS_DIR);
    expect(applied).toEqual([expect.stringMatching(PARTITIONING_MIGRATION)]);

    const rows = await target.query<{ orgId: string; id: string; timestamp: Date; cost: string; tags: unknown; priceKey: string; partition: string }>(
      `SELECT "orgId", "id", "timestamp", "costUsd"::text AS cost, "tags", "priceKey", tableoid::regclass::text AS partition FROM "Event" ORDER BY "timestamp"`,
    );
    expect(rows).toEqual([
      { orgId: "org-a", id: "e1", timestamp: new Date(OLD_ROWS[0].timestamp), cost: OLD_ROWS[0].cost, tags: { k: "v" }, priceKey: "k", partition: "event_partitions.\"Event_2026_08\"" },
      { orgId: "org-a", id: "e2", timestamp: new Date(OLD_ROWS[1].timestamp), cost: OLD_ROWS[1].cost, tags: null, priceKey: "k", partition: "event_partitions.\"Event_2026_09\"" },
      { orgId: "org-b", id: "e1", timestamp: new Date(OLD_ROWS[2].timestamp), cost: OLD_ROWS[2].cost, tags: null, priceKey: "k", partition: "event_partitions.\"Event_2026_10\"" },
    ]);
    const keys = await target.query<{ orgId: string; id: string }>(`SELECT "orgId", "id" FROM "EventKey" ORDER BY 1, 2`);
    expect(keys).toEqual([{ orgId: "org-a", id: "e1" }, { orgId: "org-a", id: "e2" }, { orgId: "org-b", id: "e1" }]);
    expect(await target.query(`SELECT to_regclass('"Event_unpartitioned"') AS old`)).toEqual([{ old: null }]);

    // The app's partition names match the migration's: ensuring October again is a no-op, not an overlap.
    await ensureEventPartitions([new Date("2026-10-01T00:00:00Z"), new Date("2026-11-01T00:00:00Z")], (text, params) => target.query(text, params));
    const events = [normalized("e1", "2026-11-02T00:00:00Z"), normalized("e3", "2026-11-02T00:00:00Z")];
    const prices = events.map(() => ({ costUsd: "9", costSource: "reported" as const, priceKey: null }));
    const [result] = await target.query<{ inserted: number }>(WRITE_EVENTS_SQL, writeEventsParams("org-a", "UTC", events, prices));
    expect(result.inserted).toBe(1);
    const e1 = await target.query<{ cost: string }>(`SELECT "costUsd"::text AS cost FROM "Event" WHERE "orgId" = 'org-a' AND "id" = 'e1'`);
    expect(e1).toEqual([{ cost: OLD_ROWS[0].cost }]);
  });

  it("applies to an empty database, leaving Event without partitions until events arrive", async () => {
    await applyMigrations(target, MIGRATIONS_DIR);
    const partitions = await target.query(`SELECT 1 FROM pg_inherits WHERE inhparent = '"Event"'::regclass`);
    expect(partitions).toEqual([]);
    const [kind] = await target.query<{ relkind: string }>(`SELECT relkind FROM pg_class WHERE oid = '"Event"'::regclass`);
    expect(kind.relkind).toBe("p");
  });
});
