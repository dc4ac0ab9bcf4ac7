// `npm run demo:load -- --events N [--database-url URL] [--org-slug bench] [--days 90] [--seed 42]
//                       [--replace] [--drop-indexes]`
//
// Fills a PostgreSQL server with N events of the demo data's shape for one organization, for
// benchmarks: 10 million in minutes. The ingest API would take hours for that, so this writes
// straight to the tables: the rows are generated and priced (with the pricing module and the
// organization's overrides, exact decimals) in a stream and sent with `COPY … FROM STDIN`; the
// hourly roll-ups and the runs are then built from the stored events with set-based
// `INSERT … SELECT … GROUP BY`, bucketed exactly as the ingest statement does. All of it is one
// transaction: a failed load leaves nothing behind.
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openSqlTarget } from "@/lib/db/migrations/open-sql-target";
import { addUtcMonths, utcMonthStart } from "@/lib/partitions/event-months";
import { ensureEventPartitions } from "@/lib/partitions/ensure-event-partitions";
import { INSERT_DAILY_FROM_HOURLY_SQL, INSERT_ROLLUPS_FROM_EVENTS_SQL } from "@/lib/rollups/rebuild-rollups";
import { EVENT_COPY_COLUMNS, toCopyLine } from "@/prisma/demo/copy-lines";
import { createRevenueTally, demoPriceOverrides, iterateDemoDays } from "@/prisma/demo/generate-demo-data";

const USAGE = "usage: npm run demo:load -- --events N [--database-url URL] [--org-slug bench] [--org-name 'Bench Co'] [--days 90] [--seed 42] [--replace] [--drop-indexes]";

const BUILD_RUNS_SQL = `
INSERT INTO "Run" ("orgId", "runId", "workflow", "feature", "startedAt", "endedAt", "steps", "errors", "costUsd", "inputTokens", "outputTokens",
  "outcome", "outcomeValueUsd", "outcomeAt")
SELECT $1, r."runId", r.workflow, r.feature, r.started, r.ended, r.steps, r.errors, r.cost, r.input, r.output, o.outcome, o.value_usd, o.at
FROM (
  SELECT "runId", max("workflow") AS workflow, max("feature") AS feature, min("timestamp") AS started, max("timestamp") AS ended,
    count(*) AS steps, count(*) FILTER (WHERE "status" = 'error') AS errors, sum("costUsd") AS cost,
    sum("inputTokens") AS input, sum("outputTokens") AS output
  FROM "Event" WHERE "orgId" = $1 AND "runId" IS NOT NULL
  GROUP BY "runId"
) r
LEFT JOIN demo_load_outcomes o ON o.run_id = r."runId"`;

/** Reads counts like 1000000, 1_000_000, 1e6 or 10M. */
function parseCount(text: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)(e\d+|[kKmM])?$/.exec((text ?? "").replaceAll("_", "").replaceAll(",", ""));
  if (!m) throw new Error(`--events needs a count, e.g. 1000000 or 10M\n${USAGE}`);
  const unit = m[2]?.toLowerCase();
  const factor = unit === "k" ? 1e3 : unit === "m" ? 1e6 : unit?.startsWith("e") ? 10 ** Number(unit.slice(1)) : 1;
  const n = Math.round(Number(m[1]) * factor);
  if (n < 1) throw new Error("--events must be at least 1");
  return n;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (rows: number, ms: number) => `${Math.round((rows / ms) * 1000).toLocaleString("en-US")} rows/s`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: "string" },
      "database-url": { type: "string" },
      "org-slug": { type: "string", default: "bench" },
      "org-name": { type: "string", default: "Bench Co" },
      days: { type: "string", default: "90" },
      seed: { type: "string", default: "42" },
      replace: { type: "boolean", default: false },
      "drop-indexes": { type: "boolean", default: false },
    },
  });
  const total = parseCount(values.events);
  const databaseUrl = values["database-url"] ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error(`Set DATABASE_URL or pass --database-url: the fast loader fills a PostgreSQL server\n${USAGE}`);
  const days = Number(values.days);
  const seed = Number(values.seed);
  const slug = values["org-slug"]!;
  const now = new Date();
  // lib/db reads DATABASE_URL when first used.
  process.env.DATABASE_URL = databaseUrl;
  const started = performance.now();

  const target = await openSqlTarget({ databaseUrl });
  try {
    const applied = await applyMigrations(target, path.resolve("prisma", "migrations"));
    if (applied.length) console.log(`› Applied migrations: ${applied.join(", ")}`);
  } finally {
    await target.close();
  }

  const { db, getConnection } = await import("@/lib/db");
  const { ensureOrganization } = await import("@/lib/setup/ensure-organization");
  const { demoLoaderContext, ensurePriceOverrides } = await import("@/prisma/demo/load-demo-data");
  const { getOrgPricer, forgetOrgPricer } = await import("@/lib/ingest/org-pricer");
  const { recordRevenue } = await import("@/lib/revenue/record-revenue");

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let org = await db.organization.findUnique({ where: { slug } });
    if (!org) {
      const email = `${slug}@marginal.local`;
      const password = `marginal-${slug}`;
      const result = await ensureOrganization({ orgName: values["org-name"]!, slug, email, password });
      org = await db.organization.findUniqueOrThrow({ where: { id: result.orgId } });
      console.log(`› Created organization ${org.name} (/${org.slug}); sign in as ${email} / ${password}`);
    }
    const ctx = await demoLoaderContext(org.id);
    const existing = await db.event.findFirst({ where: { orgId: org.id }, select: { id: true } });
    if (existing && !values.replace) throw new Error(`Organization /${org.slug} already has events; pass --replace to delete them first`);

    await ensurePriceOverrides(ctx, demoPriceOverrides({ now, days, events: total, seed }).overrides);
    forgetOrgPricer(org.id);
    const pricer = await getOrgPricer(org.id);

    // The months' partitions first, outside the load's transaction: creating one locks "Event"
    // until its transaction ends, and the load's lasts minutes.
    const months: Date[] = [];
    for (let month = utcMonthStart(new Date(now.getTime() - (days + 1) * 86_400_000)); month <= now; month = addUtcMonths(month, 1)) months.push(month);
    await ensureEventPartitions(months, async (text, params) => (await client.query(text, params)).rows);

    await client.query("SET work_mem = '256MB'");
    await client.query("SET maintenance_work_mem = '512MB'");
    await client.query("BEGIN");
    if (existing) {
      const t = performance.now();
      for (const table of ["Event", "EventKey", "CostRollupHourly", "CostRollupDaily", "Run"]) await client.query(`DELETE FROM "${table}" WHERE "orgId" = $1`, [org.id]);
      console.log(`› Deleted /${org.slug}'s previous events, roll-ups and runs in ${seconds(performance.now() - t)}`);
    }

    // Rows arrive in id and time order, so keeping the indexes costs little: measured at 1 and 10
    // million events, dropping and rebuilding them took as long in total, and it locks "Event"
    // against every reader for the whole load. `--drop-indexes` is there to measure it again.
    // The primary key always stays (and the keys go to "EventKey" below, whose primary key guards the ids).
    const indexes = values["drop-indexes"]
      ? (await client.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'Event' AND indexname <> 'Event_pkey'`)).rows
      : [];
    for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`);
    if (indexes.length) console.log(`› Dropped ${indexes.map((i) => i.indexname).join(", ")} for the load (rebuilt below)`);

    const outcomeLines: string[] = [];
    const tally = createRevenueTally();
    let generated = 0;
    const orgId = org.id;
    async function* copyChunks(): AsyncGenerator<string> {
      let lines: string[] = [];
      for (const day of iterateDemoDays({ now, days, events: total, seed, idPrefix: slug })) {
        for (const event of day.events) {
          lines.push(toCopyLine(orgId, event, pricer));
          tally.add(event);
          if (lines.length === 2_000) {
            yield lines.join("");
            lines = [];
          }
        }
        for (const o of day.outcomes) outcomeLines.push(`${o.run_id}\t${o.outcome}\t${o.value_usd ?? "\\N"}\t${o.timestamp}\n`);
        generated += day.events.length;
        if (day.index % 10 === 9) console.log(`  ${day.date}: ${generated.toLocaleString("en-US")} events, ${rate(generated, performance.now() - copyStarted)}`);
      }
      if (lines.length) yield lines.join("");
    }
    const copyStarted = performance.now();
    await pipeline(Readable.from(copyChunks()), client.query(copyFrom(`COPY "Event" (${EVENT_COPY_COLUMNS}) FROM STDIN`)));
    const copyMs = performance.now() - copyStarted;
    console.log(`› COPY: ${generated.toLocaleString("en-US")} events in ${seconds(copyMs)} (${rate(generated, copyMs)}, generating and pricing included)`);

    // Every stored event's key, as ingest claims it (lib/partitions): later ingest of the same ids is a duplicate.
    let t = performance.now();
    const keys = await client.query(`INSERT INTO "EventKey" ("orgId", "id", "timestamp") SELECT "orgId", "id", "timestamp" FROM "Event" WHERE "orgId" = $1`, [orgId]);
    console.log(`› Keys: ${keys.rowCount?.toLocaleString("en-US")} in ${seconds(performance.now() - t)}`);

    t = performance.now();
    for (const index of indexes) await client.query(index.indexdef);
    if (indexes.length) console.log(`› Rebuilt ${indexes.length} indexes in ${seconds(performance.now() - t)}`);

    t = performance.now();
    const rollups = await client.query(INSERT_ROLLUPS_FROM_EVENTS_SQL, [orgId, org.timeZone]);
    const daily = await client.query(INSERT_DAILY_FROM_HOURLY_SQL, [orgId, org.timeZone]);
    console.log(`› Roll-ups: ${rollups.rowCount?.toLocaleString("en-US")} hourly and ${daily.rowCount?.toLocaleString("en-US")} daily rows in ${seconds(performance.now() - t)}`);

    t = performance.now();
    await client.query("CREATE TEMP TABLE demo_load_outcomes (run_id text PRIMARY KEY, outcome text, value_usd numeric, at timestamptz) ON COMMIT DROP");
    await pipeline(Readable.from(chunked(outcomeLines)), client.query(copyFrom("COPY demo_load_outcomes FROM STDIN")));
    const runs = await client.query(BUILD_RUNS_SQL, [orgId]);
    console.log(`› Runs: ${runs.rowCount?.toLocaleString("en-US")} with their outcomes in ${seconds(performance.now() - t)}`);

    t = performance.now();
    await client.query("COMMIT");
    for (const table of ["Event", "EventKey", "CostRollupHourly", "CostRollupDaily", "Run"]) await client.query(`ANALYZE "${table}"`);
    const revenue = await recordRevenue(ctx, tally.rows());
    console.log(`› Committed, analyzed, ${revenue.accepted} revenue rows in ${seconds(performance.now() - t)}`);

    const totalMs = performance.now() - started;
    console.log(`\n  ${generated.toLocaleString("en-US")} events for /${org.slug} in ${seconds(totalMs)}: ${rate(generated, totalMs)} end to end (COPY phase ${rate(generated, copyMs)})`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    await getConnection().close();
  }
}

function* chunked(lines: string[], size = 5_000): Generator<string> {
  for (let i = 0; i < lines.length; i += size) yield lines.slice(i, i + size).join("");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
