// `npm run bench:queries -- [--events 10000000] [--iterations 30] [--raw-iterations 5]
//                            [--database-url URL] [--skip-docs]`
//
// SPEC 11's query targets at 10 million events over 90 days in one organization: the overview's
// data (`loadOverview`), an explorer group-by over 90 days (`queryCosts`, by day and feature, and
// by day, feature and model) and a run page (`getRunOrThrow`, the dearest run, the longest and
// random ones), each timed warm (warm-up calls first) through the app's own functions and
// connection pool. In the same run, as the baseline, the same answers computed from the raw
// "Event" table with SQL (no roll-ups, no "Run" table), prepared by the same pure functions, and
// checked EQUAL to the app's answers, decimal strings exact: OK or MISMATCH per query, and a
// non-zero exit on any mismatch. The figures go to docs/benchmarks.md unless --skip-docs.
//
//   --events N          events to load with the fast loader (`npm run demo:load`) into a throwaway
//                       PostgreSQL cluster, stopped and deleted on the way out (default 10,000,000)
//   --iterations N      timed calls per query on the roll-ups (default 30)
//   --raw-iterations N  timed calls per query on raw events (default 5: each takes seconds)
//   --database-url URL  use this server instead: its organization /bench is loaded with --events
//                       only when it has no events yet; whatever it holds is measured
//   --skip-docs         print only
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { OrgContext } from "@/lib/auth/org-context";
import { measuresOf, dimensionLabel, queryCosts, type CostRow, type CostsResult } from "@/lib/costs/query-costs";
import type { CostSqlRow } from "@/lib/costs/cost-rollup-sql";
import { periodWithOffset } from "@/lib/costs/period";
import type { CostDimension, CostQuery, Granularity } from "@/lib/costs/schemas";
import { formatInstantInZone, instantOfWallTime, wallTimeAt } from "@/lib/costs/zoned-time";
import { db, getConnection, queryRaw } from "@/lib/db";
import { compareAmounts, rankTopRows } from "@/lib/overview/compare-periods";
import { forecastMonthEnd } from "@/lib/overview/forecast-month-end";
import { loadOverview, TOP_LIMIT, type Overview } from "@/lib/overview/load-overview";
import { addDays, overviewPeriods } from "@/lib/overview/overview-periods";
import { fillDailySpend, prepareSpendSeries } from "@/lib/overview/prepare-spend-series";
import { getRunOrThrow, mostExpensiveCallId, type RunDetail, type RunStep } from "@/lib/runs/get-run";
import { normalizeUsd } from "@/lib/runs/list-runs";
import { systemContext } from "@/lib/setup/system-context";
import {
  cleanups,
  describeMachine,
  fmt,
  loadAverage,
  machineBusySeconds,
  percentile,
  ROOT,
  runBenchmark,
  startCluster,
  treeCpuSeconds,
  verdict,
  withClient,
  writeDocsSection,
  type Machine,
} from "./harness";

const ORG_SLUG = "bench";
const EXPLORER_DAYS = 90;
const ROLLUP_WARMUP = 3;
const RAW_WARMUP = 1;
const RUN_SAMPLE = 10;

type Options = { events: number; iterations: number; rawIterations: number; databaseUrl: string | null; skipDocs: boolean };

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      events: { type: "string", default: "10000000" },
      iterations: { type: "string", default: "30" },
      "raw-iterations": { type: "string", default: "5" },
      "database-url": { type: "string" },
      "skip-docs": { type: "boolean", default: false },
    },
  });
  const whole = (name: string, text: string | undefined, max: number) => {
    const n = Number((text ?? "").replaceAll("_", "").replaceAll(",", ""));
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be a whole number from 1 to ${max.toLocaleString("en-US")}`);
    return n;
  };
  return {
    events: whole("events", values.events, 100_000_000),
    iterations: whole("iterations", values.iterations, 10_000),
    rawIterations: whole("raw-iterations", values["raw-iterations"], 1_000),
    databaseUrl: values["database-url"] ?? null,
    skipDocs: values["skip-docs"]!,
  };
}

// ---------------------------------------------------------------------------------------------
// The data: the fast loader, as a child process (it is a command, not a module).

async function countEvents(url: string): Promise<{ orgId: string | null; events: number }> {
  return withClient(url, async (c) => {
    const exists = (await c.query<{ t: string | null }>(`SELECT to_regclass('"Organization"')::text AS t`)).rows[0].t;
    if (!exists) return { orgId: null, events: 0 };
    const org = (await c.query<{ id: string }>(`SELECT id FROM "Organization" WHERE slug = $1`, [ORG_SLUG])).rows[0];
    if (!org) return { orgId: null, events: 0 };
    const n = (await c.query<{ n: string }>(`SELECT count(*) AS n FROM "Event" WHERE "orgId" = $1`, [org.id])).rows[0].n;
    return { orgId: org.id, events: Number(n) };
  });
}

async function loadEvents(url: string, events: number): Promise<void> {
  const args = ["run", "--silent", "demo:load", "--", "--events", String(events), "--database-url", url, "--org-slug", ORG_SLUG];
  // Its own process group, so an interrupted benchmark stops npm, tsx and the loader together.
  const child = spawn("npm", args, { cwd: ROOT, detached: true, stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  cleanups.push(stop);
  const code = await exited;
  cleanups.splice(cleanups.indexOf(stop), 1);
  if (code !== 0) throw new Error(`npm run demo:load exited with code ${code}`);
}

/** The postmaster's pid when the server runs on this machine and its data folder is readable. */
async function findPostmaster(url: string): Promise<number | null> {
  try {
    const dir = await withClient(url, async (c) => (await c.query<{ d: string }>(`SELECT current_setting('data_directory') AS d`)).rows[0].d);
    const file = path.join(dir, "postmaster.pid");
    return existsSync(file) ? Number(readFileSync(file, "utf8").split("\n")[0]) || null : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The baseline: the same answers from raw events.

const COLUMN: Record<CostDimension, string> = {
  feature: '"feature"',
  team: '"team"',
  customer: '"customer"',
  environment: '"environment"',
  workflow: '"workflow"',
  provider: '"provider"',
  model: '"model"',
};

// Roll-ups count whole local hours: an hour is in [from, to) when its start is. An event is in
// that hour set exactly when its timestamp is in [first hour start ≥ from, first hour start ≥ to),
// so that is the raw query's window (it differs from [from, to) only when a bound is mid-hour, as
// `now` is).
const hourStartOnOrAfter = (param: string) =>
  `(CASE WHEN date_trunc('hour', ${param}::timestamptz, $5::text) = ${param}::timestamptz THEN ${param}::timestamptz
    ELSE date_trunc('hour', ${param}::timestamptz, $5::text) + interval '1 hour' END)`;

/** The roll-up statement's answer (lib/costs/cost-rollup-sql.ts), computed from "Event" instead. */
function rawCostSql(dimensions: readonly CostDimension[]): string {
  const dims = dimensions.map((d, i) => `coalesce(${COLUMN[d]}, '') AS d${i}`);
  const dimRefs = dimensions.map((_, i) => `d${i}`);
  const wall = `'YYYY-MM-DD"T"HH24:MI:SS'`;
  return `
SELECT grouping(p) AS is_total,
  CASE WHEN grouping(p) = 0 THEN to_char(p AT TIME ZONE 'UTC', ${wall}) END AS period_utc,
  CASE WHEN grouping(p) = 0 THEN to_char(p AT TIME ZONE $5::text, ${wall}) END AS period_local,
  ${dimRefs.map((d) => `${d},`).join(" ")}
  count(*)::text AS events,
  coalesce(sum("inputTokens"), 0)::text AS input_tokens,
  coalesce(sum("outputTokens"), 0)::text AS output_tokens,
  coalesce(sum("cachedInputTokens"), 0)::text AS cached_input_tokens,
  coalesce(sum("reasoningTokens"), 0)::text AS reasoning_tokens,
  count(*) FILTER (WHERE "costSource" = 'unpriced')::text AS unpriced_events,
  coalesce(sum("costUsd"), 0)::numeric(24, 10)::text AS cost_usd
FROM (
  SELECT date_trunc($4::text, "timestamp", $5::text) AS p, ${dims.map((d) => `${d},`).join(" ")}
    "inputTokens", "outputTokens", "cachedInputTokens", "reasoningTokens", "costSource", "costUsd"
  FROM "Event"
  WHERE "orgId" = $1 AND "timestamp" >= ${hourStartOnOrAfter("$2")} AND "timestamp" < ${hourStartOnOrAfter("$3")}
) e
GROUP BY GROUPING SETS ((${["p", ...dimRefs].join(", ")}), ())
ORDER BY grouping(p), p, sum("costUsd") DESC${dimRefs.map((d) => `, ${d} COLLATE "C"`).join("")}`;
}

/** `queryCosts`' answer from raw events. */
async function queryCostsFromEvents(ctx: OrgContext, query: CostQuery): Promise<CostsResult> {
  const all = await queryRaw<CostSqlRow>(rawCostSql(query.groupBy), [ctx.orgId, query.from.toISOString(), query.to.toISOString(), query.granularity, ctx.timeZone]);
  const total = all.find((r) => Number(r.is_total) === 1)!;
  return {
    from: formatInstantInZone(query.from, ctx.timeZone),
    to: formatInstantInZone(query.to, ctx.timeZone),
    granularity: query.granularity,
    group_by: query.groupBy,
    currency: "USD",
    total: measuresOf(total),
    rows: all
      .filter((r) => Number(r.is_total) === 0)
      .map((row) => {
        const out: Record<string, string | number> = { period: periodWithOffset(row.period_utc!, row.period_local!) };
        query.groupBy.forEach((dimension, i) => {
          out[dimension] = dimensionLabel(row[`d${i}`]);
        });
        return { ...out, ...measuresOf(row) } as CostRow;
      }),
  };
}

const localDate = (instant: Date, timeZone: string) => {
  const w = wallTimeAt(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
};

/**
 * `loadOverview`'s answer from raw events: the same windows, queries in parallel and the same
 * preparation (lib/overview's pure functions), with the first event found in "Event" too. It
 * mirrors load-overview.ts; if that changes, the equality check says so.
 */
async function loadOverviewFromEvents(ctx: OrgContext, now: Date): Promise<Overview> {
  const p = overviewPeriods(now, ctx.timeZone);
  const costs = (from: Date, to: Date, granularity: Granularity, groupBy: CostDimension[]) =>
    from.getTime() >= to.getTime() ? Promise.resolve(null) : queryCostsFromEvents(ctx, { from, to, granularity, groupBy, filters: {}, format: "json" });
  const [features, workflows, models, previousFeatures, previousWorkflows, daily, first] = await Promise.all([
    costs(p.monthStart, now, "month", ["feature"]),
    costs(p.monthStart, now, "month", ["workflow"]),
    costs(p.monthStart, now, "month", ["provider", "model"]),
    costs(p.previousStart, p.previousEnd, "month", ["feature"]),
    costs(p.previousStart, p.previousEnd, "month", ["workflow"]),
    costs(p.dailyStart, now, "day", []),
    queryRaw<{ first: Date | null }>(`SELECT min("timestamp") AS first FROM "Event" WHERE "orgId" = $1`, [ctx.orgId]).then((rows) => rows[0].first),
  ]);
  const zero = "0.0000000000";
  const total = features?.total ?? { cost_usd: zero, events: 0, unpriced_events: 0 };
  const previousUsd = previousFeatures?.total.cost_usd ?? zero;
  const dailySpend = fillDailySpend(daily?.rows ?? [], p.dailyDates, first ? localDate(first, ctx.timeZone) : null);
  const forecast = forecastMonthEnd({ monthToDateUsd: total.cost_usd, daily: dailySpend, today: p.today, daysLeft: p.daysLeft });
  const named = (rows: CostRow[] | undefined, dimension: CostDimension) => (rows ?? []).map((row) => ({ name: row[dimension] ?? "", cost_usd: row.cost_usd, events: row.events }));
  const endWall = wallTimeAt(p.previousEnd, ctx.timeZone);
  return {
    hasEvents: first !== null,
    monthStartDate: localDate(p.monthStart, ctx.timeZone),
    today: p.today,
    previousStartDate: localDate(p.previousStart, ctx.timeZone),
    previousEndLocal: `${localDate(p.previousEnd, ctx.timeZone)}T${String(endWall.hour).padStart(2, "0")}:${String(endWall.minute).padStart(2, "0")}`,
    monthToDate: { costUsd: total.cost_usd, events: total.events, unpricedEvents: total.unpriced_events },
    previous: { costUsd: previousUsd },
    change: compareAmounts(total.cost_usd, previousUsd),
    forecast,
    series: prepareSpendSeries({ daily: dailySpend, today: p.today, restOfMonthDates: p.restOfMonthDates, runRateUsd: forecast?.runRateUsd ?? null }),
    topFeatures: rankTopRows(named(features?.rows, "feature"), named(previousFeatures?.rows, "feature"), total.cost_usd, TOP_LIMIT),
    topWorkflows: rankTopRows(named(workflows?.rows, "workflow"), named(previousWorkflows?.rows, "workflow"), total.cost_usd, TOP_LIMIT),
    unpricedModels: (models?.rows ?? [])
      .filter((row) => row.unpriced_events > 0)
      .map((row) => ({ provider: row.provider ?? "", model: row.model ?? "", unpricedEvents: row.unpriced_events }))
      .sort((a, b) => b.unpricedEvents - a.unpricedEvents),
  };
}

// The run's figures from its events (window aggregates) and its calls, in one statement through
// the ("orgId", "runId") index. The outcome is not in the events: it lives only in "Run".
const RAW_RUN_SQL = `
SELECT "id", "timestamp", "latencyMs", "provider", "model", "operation", "step", "status",
  "inputTokens"::text AS "inputTokens", "outputTokens"::text AS "outputTokens", "cachedInputTokens"::text AS "cachedInputTokens",
  "cacheWriteTokens"::text AS "cacheWriteTokens", "reasoningTokens"::text AS "reasoningTokens",
  "costUsd"::text AS cost, "costSource", "feature", "tags",
  max("workflow") OVER () AS "runWorkflow", max("feature") OVER () AS "runFeature",
  min("timestamp") OVER () AS "startedAt", max("timestamp") OVER () AS "endedAt",
  count(*) OVER () AS steps, count(*) FILTER (WHERE "status" = 'error') OVER () AS errors,
  (sum("costUsd") OVER ())::text AS "runCost", (sum("inputTokens") OVER ())::text AS "runInput", (sum("outputTokens") OVER ())::text AS "runOutput"
FROM "Event"
WHERE "orgId" = $1 AND "runId" = $2
ORDER BY "timestamp" ASC, "id" ASC`;

type RawRunRow = {
  id: string;
  timestamp: Date;
  latencyMs: number | null;
  provider: string;
  model: string;
  operation: string;
  step: string | null;
  status: string;
  inputTokens: string;
  outputTokens: string;
  cachedInputTokens: string;
  cacheWriteTokens: string;
  reasoningTokens: string;
  cost: string;
  costSource: string;
  feature: string | null;
  tags: Record<string, string> | string | null;
  runWorkflow: string | null;
  runFeature: string | null;
  startedAt: Date;
  endedAt: Date;
  steps: string;
  errors: string;
  runCost: string;
  runInput: string;
  runOutput: string;
};

type RunFigures = Omit<RunDetail, "outcome" | "outcome_value_usd" | "outcome_at">;

/** The run page's answer without the outcome, from raw events only. */
async function getRunFromEvents(ctx: OrgContext, runId: string): Promise<RunFigures> {
  const rows = await queryRaw<RawRunRow>(RAW_RUN_SQL, [ctx.orgId, runId]);
  if (rows.length === 0) throw new Error(`run ${runId} has no events`);
  const run = rows[0];
  const startMs = new Date(run.startedAt).getTime();
  const endMs = new Date(run.endedAt).getTime();
  const calls = rows.map((row): RunStep => {
    const timestamp = new Date(row.timestamp);
    return {
      id: row.id,
      timestamp: timestamp.toISOString(),
      offset_ms: timestamp.getTime() - startMs,
      latency_ms: row.latencyMs,
      provider: row.provider,
      model: row.model,
      operation: row.operation,
      step: row.step,
      status: row.status,
      input_tokens: Number(row.inputTokens),
      output_tokens: Number(row.outputTokens),
      cached_input_tokens: Number(row.cachedInputTokens),
      cache_write_tokens: Number(row.cacheWriteTokens),
      reasoning_tokens: Number(row.reasoningTokens),
      cost_usd: normalizeUsd(row.cost),
      cost_source: row.costSource,
      feature: row.feature,
      tags: typeof row.tags === "string" ? (JSON.parse(row.tags) as Record<string, string>) : row.tags,
    };
  });
  return {
    run_id: runId,
    workflow: run.runWorkflow,
    feature: run.runFeature,
    started_at: new Date(startMs).toISOString(),
    ended_at: new Date(endMs).toISOString(),
    duration_ms: endMs - startMs,
    steps: Number(run.steps),
    errors: Number(run.errors),
    cost_usd: normalizeUsd(run.runCost),
    input_tokens: Number(run.runInput),
    output_tokens: Number(run.runOutput),
    most_expensive_call_id: mostExpensiveCallId(calls),
    calls,
  };
}

function withoutOutcome(run: RunDetail): RunFigures {
  const figures: RunFigures & Partial<RunDetail> = { ...run };
  delete figures.outcome;
  delete figures.outcome_value_usd;
  delete figures.outcome_at;
  return figures;
}

// ---------------------------------------------------------------------------------------------
// Comparing and timing.

/** The first place two JSON-like values differ (object keys in any order), or null when equal. */
function firstDifference(a: unknown, b: unknown, at = "$"): string | null {
  if (a === b) return null;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime() ? null : `${at}: ${String(a)} ≠ ${String(b)}`;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array ≠ object`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}: ${a.length} items ≠ ${b.length} items`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
    const d = firstDifference(ra[key], rb[key], `${at}.${key}`);
    if (d) return d;
  }
  return null;
}

type Case = {
  name: string;
  targetMs: number;
  /** What the calls cover, for the notes under the table. */
  detail: string;
  rollup: (i: number) => Promise<unknown>;
  raw: (i: number) => Promise<unknown>;
  /** How many distinct calls the equality check needs (one per sampled run). */
  checks: number;
};

type CaseResult = {
  name: string;
  detail: string;
  targetMs: number;
  rollupMs: number[];
  rawMs: number[];
  equal: boolean;
  difference: string | null;
};

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function runCase(c: Case, options: Options): Promise<CaseResult> {
  console.log(`› ${c.name}: checking the answers`);
  let difference: string | null = null;
  for (let i = 0; i < c.checks && difference === null; i++) {
    // The check's calls are also the raw side's warm-up.
    const [fromRollups, fromEvents] = [await c.rollup(i), await c.raw(i)];
    difference = firstDifference(fromRollups, fromEvents);
  }
  console.log(`  ${difference === null ? "OK: roll-ups = raw events" : `MISMATCH: ${difference}`}`);
  console.log(`› ${c.name}: ${ROLLUP_WARMUP} warm-up + ${options.iterations} timed calls on the roll-ups`);
  for (let i = 0; i < ROLLUP_WARMUP; i++) await c.rollup(i);
  const rollupMs: number[] = [];
  for (let i = 0; i < options.iterations; i++) rollupMs.push(await timed(() => c.rollup(i)));
  console.log(`› ${c.name}: ${RAW_WARMUP} more warm-up + ${options.rawIterations} timed calls on raw events`);
  for (let i = 0; i < RAW_WARMUP; i++) await c.raw(i);
  const rawMs: number[] = [];
  for (let i = 0; i < options.rawIterations; i++) {
    rawMs.push(await timed(() => c.raw(i)));
    process.stdout.write(`  ${fmt(rawMs[rawMs.length - 1])} ms\n`);
  }
  return { name: c.name, detail: c.detail, targetMs: c.targetMs, rollupMs: rollupMs.sort((a, b) => a - b), rawMs: rawMs.sort((a, b) => a - b), equal: difference === null, difference };
}

// ---------------------------------------------------------------------------------------------

type Results = {
  command: string;
  date: string;
  machine: Machine;
  options: Options;
  loaded: string;
  events: number;
  rollupRows: number;
  runs: number;
  span: string;
  now: string;
  cases: CaseResult[];
  loadBefore: string;
  loadAfter: string;
  seconds: number;
  benchCpuS: number;
  pgCpuS: number | null;
  otherCpuS: number | null;
};

async function main(): Promise<void> {
  const options = readOptions();
  const command = `npm run bench:queries${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;

  let databaseUrl = options.databaseUrl;
  if (!databaseUrl) {
    console.log(`› Starting a throwaway PostgreSQL cluster`);
    const cluster = startCluster();
    await withClient(cluster.url, (c) => c.query("CREATE DATABASE marginal_bench"));
    const url = new URL(cluster.url);
    url.pathname = "/marginal_bench";
    databaseUrl = url.toString();
  }
  let counted = await countEvents(databaseUrl);
  let loaded = `already in the database (loaded earlier by \`npm run demo:load\`)`;
  if (counted.events === 0) {
    console.log(`› Loading ${options.events.toLocaleString("en-US")} events with the fast loader (npm run demo:load)`);
    const started = performance.now();
    await loadEvents(databaseUrl, options.events);
    loaded = `loaded by \`npm run demo:load\` in this run (${fmt((performance.now() - started) / 1000)} s)`;
    counted = await countEvents(databaseUrl);
  } else {
    console.log(`› /${ORG_SLUG} already has ${counted.events.toLocaleString("en-US")} events: not loading`);
  }
  const orgId = counted.orgId!;

  // lib/db reads DATABASE_URL when first used, which is below.
  process.env.DATABASE_URL = databaseUrl;
  cleanups.push(() => getConnection().close());
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
  const ctx = systemContext(org, "bench:queries");
  const facts = (
    await queryRaw<{ rollups: string; runs: string; first: Date; last: Date; pg: string }>(
      `SELECT (SELECT count(*) FROM "CostRollupHourly" WHERE "orgId" = $1) AS rollups, (SELECT count(*) FROM "Run" WHERE "orgId" = $1) AS runs,
        (SELECT min("hour") FROM "CostRollupHourly" WHERE "orgId" = $1) AS first, (SELECT max("hour") FROM "CostRollupHourly" WHERE "orgId" = $1) AS last,
        current_setting('server_version') AS pg`,
      [orgId],
    )
  )[0];
  // Runs spread over the data: the dearest, the longest, and random ones (a fixed pseudo-random order).
  const sample = await queryRaw<{ runId: string; why: string; steps: number; cost: string }>(
    `(SELECT "runId", 'dearest' AS why, steps, "costUsd"::text AS cost FROM "Run" WHERE "orgId" = $1 AND steps > 0 ORDER BY "costUsd" DESC, "runId" LIMIT 1)
     UNION ALL (SELECT "runId", 'most steps', steps, "costUsd"::text FROM "Run" WHERE "orgId" = $1 AND steps > 0 ORDER BY steps DESC, "runId" LIMIT 1)
     UNION ALL (SELECT "runId", 'random', steps, "costUsd"::text FROM "Run" WHERE "orgId" = $1 AND steps > 0 ORDER BY md5("runId") LIMIT $2)`,
    [orgId, RUN_SAMPLE],
  );
  const runIds = [...new Set(sample.map((r) => r.runId))].slice(0, RUN_SAMPLE);
  const runOf = (i: number) => runIds[i % runIds.length];

  const now = new Date();
  const today = localDate(now, ctx.timeZone);
  const [fy, fm, fd] = addDays(today, -(EXPLORER_DAYS - 1)).split("-").map(Number);
  const explorerFrom = instantOfWallTime({ year: fy, month: fm, day: fd, hour: 0, minute: 0, second: 0, millisecond: 0 }, ctx.timeZone);
  const explorer = (groupBy: CostDimension[]): CostQuery => ({ from: explorerFrom, to: now, granularity: "day", groupBy, filters: {}, format: "json" });

  const cases: Case[] = [
    {
      name: "overview data",
      targetMs: 150,
      detail: "`loadOverview(ctx, now)`: month to date by feature, by workflow, by provider × model; the previous period by feature and by workflow; 60 daily totals; the first event",
      rollup: () => loadOverview(ctx, now),
      raw: () => loadOverviewFromEvents(ctx, now),
      checks: 1,
    },
    {
      name: "explorer: 90 days by day × feature",
      targetMs: 300,
      detail: `\`queryCosts\`, ${EXPLORER_DAYS} local days to now, granularity day, group_by feature`,
      rollup: () => queryCosts(ctx, explorer(["feature"])),
      raw: () => queryCostsFromEvents(ctx, explorer(["feature"])),
      checks: 1,
    },
    {
      name: "explorer: 90 days by day × feature × model",
      targetMs: 300,
      detail: `\`queryCosts\`, ${EXPLORER_DAYS} local days to now, granularity day, group_by feature, model`,
      rollup: () => queryCosts(ctx, explorer(["feature", "model"])),
      raw: () => queryCostsFromEvents(ctx, explorer(["feature", "model"])),
      checks: 1,
    },
    {
      name: "run page",
      targetMs: 100,
      detail: `\`getRunOrThrow\`, cycling through ${runIds.length} runs (${sample.map((r) => `${r.why} ${r.steps} steps`).slice(0, 3).join(", ")}, …); the baseline leaves out the outcome, which is not in the events`,
      rollup: (i) => getRunOrThrow(ctx, runOf(i)).then(withoutOutcome),
      raw: (i) => getRunFromEvents(ctx, runOf(i)),
      checks: runIds.length,
    },
  ];

  const postmaster = await findPostmaster(databaseUrl);
  const loadBefore = loadAverage();
  const busyBefore = machineBusySeconds();
  const pgBefore = postmaster ? treeCpuSeconds(postmaster) : null;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const results: CaseResult[] = [];
  for (const c of cases) results.push(await runCase(c, options));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const benchCpuS = (cpu.user + cpu.system) / 1e6;
  const pgCpuS = postmaster && pgBefore !== null ? treeCpuSeconds(postmaster) - pgBefore : null;
  const busy = machineBusySeconds() - busyBefore;

  const r: Results = {
    command,
    date: new Date().toISOString(),
    machine: describeMachine(facts.pg),
    options,
    loaded,
    events: counted.events,
    rollupRows: Number(facts.rollups),
    runs: Number(facts.runs),
    span: `${facts.first.toISOString().slice(0, 13)}:00Z to ${facts.last.toISOString().slice(0, 13)}:00Z`,
    now: now.toISOString(),
    cases: results,
    loadBefore,
    loadAfter: loadAverage(),
    seconds,
    benchCpuS,
    pgCpuS,
    otherCpuS: pgCpuS === null ? null : Math.max(0, busy - benchCpuS - pgCpuS),
  };
  printResults(r);
  if (!options.skipDocs) {
    writeDocs(r);
    console.log(`› Wrote the figures to docs/benchmarks.md`);
  }
  if (results.some((c) => !c.equal)) {
    console.error("! MISMATCH: the roll-ups' answers differ from the raw events' answers (above)");
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Output.

const ms = (n: number) => (n >= 100 ? fmt(n) : fmt(n, 1));

function tableLines(r: Results): string[] {
  const lines = [
    "| query | roll-ups p50 | roll-ups p95 | raw events p50 | raw events p95 | raw / roll-ups (p50) | target (p95, warm) | answers |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const c of r.cases) {
    const p95 = percentile(c.rollupMs, 95);
    lines.push(
      `| ${c.name} | ${ms(percentile(c.rollupMs, 50))} ms | ${ms(p95)} ms | ${ms(percentile(c.rawMs, 50))} ms | ${ms(percentile(c.rawMs, 95))} ms | ${fmt(percentile(c.rawMs, 50) / percentile(c.rollupMs, 50))}× | < ${c.targetMs} ms: ${verdict(p95 < c.targetMs)} | ${c.equal ? "OK (equal)" : "MISMATCH"} |`,
    );
  }
  return lines;
}

function noteLines(r: Results): string[] {
  const cpu =
    r.pgCpuS === null
      ? `load average before ${r.loadBefore}, after ${r.loadAfter}`
      : `CPU while measuring (${fmt(r.seconds, 1)} s wall, ${fmt(r.seconds * r.machine.nproc, 1)} CPU-s available): PostgreSQL ${fmt(r.pgCpuS, 1)} s, this script ${fmt(r.benchCpuS, 1)} s, other processes ${fmt(r.otherCpuS ?? 0, 1)} s; load average before ${r.loadBefore}, after ${r.loadAfter}`;
  return [
    `data: ${fmt(r.events)} events for one organization, ${r.loaded}; ${fmt(r.rollupRows)} hourly roll-up rows, ${fmt(r.runs)} runs; roll-up hours ${r.span}; "now" = ${r.now}`,
    `calls: ${ROLLUP_WARMUP} warm-up then ${r.options.iterations} timed on the roll-ups; the equality check plus ${RAW_WARMUP} warm-up then ${r.options.rawIterations} timed on raw events (so the raw p95 is close to the maximum); one call at a time, through lib/db's pool`,
    ...r.cases.map((c) => `${c.name}: ${c.detail}${c.difference ? `; MISMATCH at ${c.difference}` : ""}`),
    cpu,
  ];
}

function printResults(r: Results): void {
  console.log("\n  Query benchmark");
  for (const line of tableLines(r)) console.log(`  ${line}`);
  console.log("");
  for (const line of noteLines(r)) console.log(`  ${line}`);
}

const START = "<!-- bench:queries results: written by scripts/bench/queries.ts -->";
const END = "<!-- /bench:queries results -->";

function writeDocs(r: Results): void {
  const met = r.cases.every((c) => percentile(c.rollupMs, 95) < c.targetMs);
  const equal = r.cases.every((c) => c.equal);
  const worst = (prefix: string) => Math.max(...r.cases.filter((c) => c.name.startsWith(prefix)).map((c) => percentile(c.rollupMs, 95)));
  const status = `${met ? "met" : "missed"}: p95 overview ${ms(worst("overview"))} ms, explorer ${ms(worst("explorer"))} ms, run page ${ms(worst("run"))} ms; answers ${equal ? "equal to raw events" : "MISMATCH"} (${r.date.slice(0, 10)}, see below)`;
  const section = [
    START,
    "## Queries (`npm run bench:queries`)",
    "",
    `Command: \`${r.command}\`.`,
    `Machine: ${r.machine.nproc} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB memory, PostgreSQL ${r.machine.postgres} (throwaway cluster: fsync, synchronous_commit and full_page_writes off, no parallel workers), Node ${r.machine.node}; ${r.date}.`,
    "PostgreSQL and the benchmark share the machine, and other engineers' work was running on it too (see the CPU line).",
    "",
    ...tableLines(r),
    "",
    ...noteLines(r).map((l) => `- ${l}`),
    END,
  ].join("\n");
  writeDocsSection(START, END, section, (doc) => doc.replace(/^(\| overview < 150 ms[^|]*\| `bench:queries` \| )[^|\n]*(\|)$/m, `$1${status} $2`));
}

runBenchmark(main);
