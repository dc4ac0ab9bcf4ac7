// `npm run bench:ingest -- [--batches 200] [--clients 4] [--batch-size 1000] [--budgets 0] [--skip-docs] [--explain]`
//
// SPEC 11's ingest target, measured end to end: a throwaway PostgreSQL cluster, the app built and
// started with `npm start` against it, then batches of realistic events (the demo data's shape)
// POSTed to /api/v1/events by concurrent clients, with retries on 429/503. Printed: events/s
// sustained, p50/p95 batch latency, the server's memory (RSS of the `next start` process tree,
// sampled), CPU seconds of the app and of PostgreSQL, acknowledged events against rows stored,
// and, in the same run on the same server, the rate of a raw `COPY` of the same rows into a fresh
// copy of the "Event" table (no roll-ups), with the ratio between the two. The figures go to
// docs/benchmarks.md unless --skip-docs. Everything started here is stopped on the way out.
//
// With --budgets N, N budgets are created through POST /api/v1/budgets before the load (every scope
// dimension, the four periods, amounts sized from the load's own spend so that some cross yellow or
// red during it), and the app's budget worker runs as it does in production. Then also printed: the
// detection delay of each alert the load caused, from the acknowledgement of the batch that took
// the budget's spend over the threshold (replayed here in acknowledgement order, with the same
// prices) to the alert's `createdAt`, against SPEC 5's 60 seconds.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { from as copyFrom } from "pg-copy-streams";
import { generateApiKey } from "@/lib/api-keys/key-material";
import { budgetPeriod } from "@/lib/budgets/budget-period";
import type { CreateBudgetInput } from "@/lib/budgets/schemas";
import { loadCatalog } from "@/lib/pricing/catalog";
import { createPricer, type PriceOverrideRule } from "@/lib/pricing/create-pricer";
import { EVENT_COPY_COLUMNS, toCopyLine } from "@/prisma/demo/copy-lines";
import { demoPriceOverrides, iterateDemoDays, type DemoEvent } from "@/prisma/demo/generate-demo-data";
import {
  BENCH_BUDGET_DIMENSIONS,
  benchBudgetInputs,
  benchBudgetScopes,
  CLOCK_TICKS,
  cleanups,
  describeMachine,
  fmt,
  machineBusySeconds,
  percentile,
  readProcesses,
  ROOT,
  runBenchmark,
  startCluster,
  subtree,
  verdict,
  withClient,
  writeDocsSection,
  type BenchBudgetDimension,
  type Machine,
  type ProcInfo,
} from "./harness";

const TARGET_EVENTS_PER_S = 20_000;
const TARGET_COPY_SHARE = 0.3;
const TARGET_RSS_MB = 600;
const TARGET_DETECTION_S = 60;
/** How long after the load to wait for the alerts it should cause. */
const ALERT_WAIT_MS = 180_000;
/** The app's budget worker interval: the bench passes its environment on, so the app's default unless set. */
const WORKER_INTERVAL_S = (Number(process.env.MARGINAL_BUDGET_EVAL_INTERVAL_MS) || 10_000) / 1000;

type Options = { batches: number; clients: number; batchSize: number; copyRuns: number; budgets: number; skipDocs: boolean; explain: boolean };

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      batches: { type: "string", default: "200" },
      clients: { type: "string", default: "4" },
      "batch-size": { type: "string", default: "1000" },
      "copy-runs": { type: "string", default: "3" },
      budgets: { type: "string", default: "0" },
      "skip-docs": { type: "boolean", default: false },
      explain: { type: "boolean", default: false },
    },
  });
  const whole = (name: string, text: string | undefined, max: number, min = 1) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  return {
    batches: whole("batches", values.batches, 100_000),
    clients: whole("clients", values.clients, 64),
    batchSize: whole("batch-size", values["batch-size"], 1000),
    copyRuns: whole("copy-runs", values["copy-runs"], 10),
    budgets: whole("budgets", values.budgets, 500, 0),
    skipDocs: values["skip-docs"]!,
    explain: values.explain!,
  };
}

// ---------------------------------------------------------------------------------------------
// Processes: /proc, for memory and CPU of process trees.

/** The Next.js server inside the tree `npm start` made: the topmost process running `next start` or `next-server`. */
function findNextServer(procs: Map<number, ProcInfo>, root: number): number | null {
  const tree = subtree(procs, root);
  const match = tree.find((p) => /next-server|next\/dist\/bin\/next start|next start/.test(p.cmd) && !/^npm |npx /.test(p.cmd));
  return match?.pid ?? null;
}

/** A short name for a process of the `npm start` tree. */
function processLabel(cmd: string): string {
  if (/next-server/.test(cmd)) return cmd.replace(/\s+$/, "");
  if (/scripts\/start\.ts/.test(cmd)) return /preflight|loader\.mjs/.test(cmd) ? "node scripts/start.ts (launcher)" : "tsx (cli)";
  if (/^npm (exec|start)|^npm$/.test(cmd)) return cmd.slice(0, 40);
  return cmd.split(" ").slice(0, 3).join(" ").slice(0, 60);
}

type Usage = { nextRssMb: number; treeRssMb: number; treeBreakdown: string; appCpuS: number; pgCpuS: number; machineBusyS: number };

function sampleUsage(appRoot: number, postmaster: number | null): Usage {
  const procs = readProcesses();
  const nextPid = findNextServer(procs, appRoot);
  const tree = subtree(procs, appRoot);
  const nextTree = nextPid ? subtree(procs, nextPid) : [];
  const pgTree = postmaster ? subtree(procs, postmaster) : [];
  const sum = (ps: ProcInfo[], f: (p: ProcInfo) => number) => ps.reduce((a, p) => a + f(p), 0);
  return {
    nextRssMb: sum(nextTree, (p) => p.rssKb) / 1024,
    treeRssMb: sum(tree, (p) => p.rssKb) / 1024,
    treeBreakdown: tree
      .filter((p) => p.rssKb > 10 * 1024)
      .map((p) => `${processLabel(p.cmd)}: ${Math.round(p.rssKb / 1024)} MB`)
      .join("; "),
    appCpuS: sum(tree, (p) => p.cpuTicks) / CLOCK_TICKS,
    pgCpuS: sum(pgTree, (p) => p.cpuTicks) / CLOCK_TICKS,
    machineBusyS: machineBusySeconds(),
  };
}

// ---------------------------------------------------------------------------------------------
// Set-up and tear-down.

async function freePort(from: number): Promise<number> {
  const { createServer } = await import("node:net");
  for (let port = from; port < from + 200; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer().once("error", () => resolve(false)).once("listening", () => server.close(() => resolve(true)));
      server.listen(port, "127.0.0.1");
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${from}`);
}

function startApp(env: NodeJS.ProcessEnv, output: string[]): ChildProcess {
  // Its own process group, so stopping it stops npm, tsx, next and next-server together.
  const child = spawn("npm", ["start"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).map((l) => `  [app] ${l}`).join("\n") + "\n";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stdout!.on("data", (chunk: Buffer) => {
    output.push(chunk.toString());
    process.stdout.write(prefix(chunk));
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    output.push(chunk.toString());
    process.stderr.write(prefix(chunk));
  });
  cleanups.push(async () => {
    // The whole group, even when npm itself has gone: nothing it started may outlive the run.
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    const groupAlive = () => {
      try {
        process.kill(-child.pid!, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let waited = 0; groupAlive() && waited < 15_000; waited += 250) await new Promise((resolve) => setTimeout(resolve, 250));
    if (groupAlive()) process.kill(-child.pid!, "SIGKILL");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  });
  return child;
}

/** Starts the app and waits until it answers; retries while someone else's `next build` holds the build folder. */
async function startHealthyApp(env: NodeJS.ProcessEnv, url: string): Promise<ChildProcess> {
  for (let attempt = 1; ; attempt++) {
    const output: string[] = [];
    const app = startApp(env, output);
    try {
      await waitHealthy(url, app, 15 * 60_000);
      return app;
    } catch (error) {
      if (attempt >= 30 || !output.join("").includes("Another next build process is already running")) throw error;
      console.log("› Another next build is running in this folder; trying again in 20 s");
      await cleanups.pop()!();
      await new Promise((resolve) => setTimeout(resolve, 20_000));
    }
  }
}

async function waitHealthy(url: string, app: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with code ${app.exitCode} before it was healthy`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the app was not healthy within ${timeoutMs / 1000} s`);
}

// ---------------------------------------------------------------------------------------------
// The load.

type BatchResult = { ms: number; accepted: number; duplicates: number; retries: number };

async function postBatch(url: string, key: string, body: string): Promise<BatchResult> {
  let retries = 0;
  for (;;) {
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(`${url}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body });
    } catch (error) {
      if (++retries > 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * retries));
      continue;
    }
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status === 429 || response.status === 503) {
      if (++retries > 50) throw new Error(`gave up after ${retries} retries (${response.status})`);
      const wait = Number(response.headers.get("retry-after") ?? 1) * 1000;
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 5000) * (0.5 + Math.random())));
      continue;
    }
    if (response.status !== 200) throw new Error(`POST /api/v1/events answered ${response.status}: ${text.slice(0, 300)}`);
    const json = JSON.parse(text) as { accepted: number; duplicates: number };
    return { ms, accepted: json.accepted, duplicates: json.duplicates, retries };
  }
}

function* chunkLines(lines: string[], size = 2_000): Generator<string> {
  for (let i = 0; i < lines.length; i += size) yield lines.slice(i, i + size).join("");
}

// ---------------------------------------------------------------------------------------------
// Budgets: created before the load, and the detection delay of the alerts the load causes.

/** Multiples of a budget's spend at the end of the load its amount is set to, in turn; by spend alone red early, red late, yellow only, green, green (the workflow cap can still turn one red). */
const AMOUNT_FACTORS = [0.6, 0.95, 1.1, 2, 10];
const LEVELS = ["green", "yellow", "red"] as const;
type Level = (typeof LEVELS)[number];

/** A budget as created, and what the bench needs to replay its spend. */
type PlannedBudget = {
  id: string;
  input: CreateBudgetInput;
  amount: number;
  /** Its level when created (evaluated at once; the forecast rule may already make it yellow). */
  createdLevel: Level;
  /** Its spend from the warm-up, and what each batch adds to its spend and to each workflow's (worked out before the load). */
  base: Contribution;
  perBatch: Contribution[];
};

type Contribution = { spend: number; workflows: Map<string, number> };

/** An event's cost in USD as the server prices it (the COPY baseline's prices). */
function eventCost(pricer: ReturnType<typeof createPricer>, e: DemoEvent): number {
  const u = e.usage;
  const price = pricer.priceEvent({
    provider: e.provider,
    model: e.model,
    timestamp: new Date(e.timestamp),
    inputTokens: u.input_tokens,
    outputTokens: u.output_tokens,
    cachedInputTokens: u.cached_input_tokens,
    cacheWriteTokens: u.cache_write_tokens,
    reasoningTokens: u.reasoning_tokens,
  });
  return Number(price.costUsd);
}

const dimensionValue = (e: DemoEvent, dimension: BenchBudgetDimension): string => e[dimension] ?? "";

/**
 * Creates `count` budgets through the API: the organization and the six most expensive values of
 * each dimension in the load, the four periods, each amount a multiple (AMOUNT_FACTORS) of the
 * spend its scope and period will have at the end of the load, so several cross a threshold during it.
 */
async function createBenchBudgets(
  url: string,
  key: string,
  count: number,
  load: { warmSent: DemoEvent[]; batches: DemoEvent[][] },
  cost: Map<DemoEvent, number>,
  timeZone: string,
  now: Date,
): Promise<PlannedBudget[]> {
  const events = [...load.warmSent, ...load.batches.flat()];
  const top = {} as Record<BenchBudgetDimension, string[]>;
  for (const dimension of BENCH_BUDGET_DIMENSIONS) {
    const byValue = new Map<string, number>();
    for (const e of events) {
      const value = dimensionValue(e, dimension);
      if (value) byValue.set(value, (byValue.get(value) ?? 0) + cost.get(e)!);
    }
    top[dimension] = [...byValue].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([value]) => value);
  }
  const counter = (input: Pick<CreateBudgetInput, "scope" | "period">) => {
    const { start, end } = budgetPeriod(now, input.period, timeZone);
    const [from, to] = [start.getTime(), end.getTime()];
    const dimension = input.scope.dimension;
    return (e: DemoEvent) => {
      const at = Date.parse(e.timestamp);
      return at >= from && at < to && (dimension === "org" || dimensionValue(e, dimension) === input.scope.value);
    };
  };
  const inputs = benchBudgetInputs(count, benchBudgetScopes(top), (i, scope, period) => {
    const counts = counter({ scope, period });
    const spend = events.reduce((sum, e) => (counts(e) ? sum + cost.get(e)! : sum), 0);
    return spend > 0 ? Math.max(0.01, spend * AMOUNT_FACTORS[i % AMOUNT_FACTORS.length]).toFixed(2) : "100";
  });
  const planned: PlannedBudget[] = [];
  for (const input of inputs) {
    const response = await postOnce(`${url}/api/v1/budgets`, key, JSON.stringify(input));
    if (response.status !== 201) throw new Error(`POST /api/v1/budgets answered ${response.status}: ${await response.text()}`);
    const { id, level } = (await response.json()) as { id: string; level: Level };
    const counts = counter(input);
    const contribution = (batch: DemoEvent[]): Contribution => {
      const c: Contribution = { spend: 0, workflows: new Map() };
      for (const e of batch) {
        if (!counts(e)) continue;
        c.spend += cost.get(e)!;
        if (e.workflow) c.workflows.set(e.workflow, (c.workflows.get(e.workflow) ?? 0) + cost.get(e)!);
      }
      return c;
    };
    planned.push({ id, input, amount: Number(input.amount_usd), createdLevel: level, base: contribution(load.warmSent), perBatch: load.batches.map(contribution) });
  }
  return planned;
}

/**
 * A POST retried only when the connection failed: a kept-alive socket the server closed while the
 * bench was busy pricing fails the next request before it is sent. The caller checks the count.
 */
async function postOnce(url: string, key: string, body: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body });
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** When, replaying acknowledged batches in order, a budget first reached each level (SPEC 5's spend and workflow-cap rules; the forecast rule is not replayed). */
type Crossings = { base: Level; final: Level; at: Partial<Record<Level, { ms: number; batch: number }>> };

function replayBudget(b: PlannedBudget, ackOrder: number[], ackAt: number[]): Crossings {
  const yellowAt = b.amount * 0.8;
  const capAt = b.amount * 0.2;
  let spend = 0;
  let topWorkflow = 0;
  const workflows = new Map<string, number>();
  const add = (c: Contribution) => {
    spend += c.spend;
    for (const [workflow, cost] of c.workflows) {
      const w = (workflows.get(workflow) ?? 0) + cost;
      workflows.set(workflow, w);
      topWorkflow = Math.max(topWorkflow, w);
    }
  };
  const level = (): Level => (spend >= b.amount || topWorkflow > capAt ? "red" : spend >= yellowAt ? "yellow" : "green");
  add(b.base);
  const crossings: Crossings = { base: level(), final: level(), at: {} };
  for (const i of ackOrder) {
    add(b.perBatch[i]);
    const now = level();
    for (const l of LEVELS.slice(LEVELS.indexOf(crossings.base) + 1, LEVELS.indexOf(now) + 1)) crossings.at[l] ??= { ms: ackAt[i], batch: i };
    crossings.final = now;
  }
  return crossings;
}

type AlertRow = { budget_id: string; level: Level; rule: string; created_at: Date };
type TimedAlert = { budget: string; level: Level; rule: string; delayS: number; recent: boolean };

type Detection = {
  budgets: number;
  /** Budgets the replay says should change level during the load, and how many of them got that alert in time. */
  expected: number;
  detected: number;
  alerts: number;
  timed: TimedAlert[];
  forecast: number;
  unmatched: number;
  waitedS: number;
  /** The worker's passes seen from the start of the load (seconds after it), and the load's length. */
  passesS: number[];
  loadS: number;
};

/**
 * After the load: polls the Alert table until every budget the replay says changed level during the
 * load has its alert (at most ALERT_WAIT_MS), then times each alert against the acknowledgement of
 * the batch that crossed its threshold. A forecast alert has no crossing batch and is only counted.
 */
async function awaitDetection(databaseUrl: string, orgId: string, budgets: PlannedBudget[], crossings: Map<string, Crossings>, batches: DemoEvent[][], loadStartedAt: Date, loadEndedAt: number): Promise<Detection> {
  const expected = budgets.filter((b) => {
    const { base, final } = crossings.get(b.id)!;
    return LEVELS.indexOf(final) > Math.max(LEVELS.indexOf(base), LEVELS.indexOf(b.createdLevel));
  });
  const recentFrom = Date.now() - 26 * 3_600_000;
  let alerts: AlertRow[] = [];
  let detected = 0;
  await withClient(databaseUrl, async (c) => {
    for (;;) {
      alerts = (
        await c.query<AlertRow>(
          `SELECT "budgetId" AS budget_id, level, details->>'rule' AS rule, "createdAt" AS created_at FROM "Alert" WHERE "orgId" = $1 AND kind = 'budget' AND "createdAt" >= $2 ORDER BY "createdAt"`,
          [orgId, loadStartedAt],
        )
      ).rows;
      detected = expected.filter((b) => alerts.some((a) => a.budget_id === b.id && a.level === crossings.get(b.id)!.final)).length;
      if (detected === expected.length || Date.now() - loadEndedAt > ALERT_WAIT_MS) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
  const names = new Map(budgets.map((b) => [b.id, `${b.input.name} (${b.input.scope.dimension}${b.input.scope.value ? ` ${b.input.scope.value}` : ""}, ${b.input.period})`]));
  const timed: TimedAlert[] = [];
  let forecast = 0;
  let unmatched = 0;
  for (const a of alerts) {
    if (a.rule === "forecast") {
      forecast++;
      continue;
    }
    const crossing = crossings.get(a.budget_id)?.at[a.level];
    if (!crossing) {
      unmatched++;
      continue;
    }
    const newest = Math.max(...batches[crossing.batch].map((e) => Date.parse(e.timestamp)));
    timed.push({ budget: names.get(a.budget_id) ?? a.budget_id, level: a.level, rule: a.rule, delayS: (a.created_at.getTime() - crossing.ms) / 1000, recent: newest >= recentFrom });
  }
  return { budgets: budgets.length, expected: expected.length, detected, alerts: alerts.length, timed, forecast, unmatched, waitedS: (Date.now() - loadEndedAt) / 1000, passesS: [], loadS: 0 };
}

type Results = {
  command: string;
  date: string;
  machine: Machine;
  options: Options;
  events: number;
  seconds: number;
  eventsPerS: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  retries: number;
  acknowledged: number;
  stored: number;
  rollupEvents: number;
  rollupCostMatches: boolean;
  peakNextRssMb: number;
  peakTreeRssMb: number;
  peakTreeBreakdown: string;
  appCpuS: number;
  pgCpuS: number;
  clientCpuS: number;
  otherCpuS: number;
  loadBefore: string;
  copySeconds: number;
  copyRunsSeconds: number[];
  copyEventsPerS: number;
  ratio: number;
  explain: string | null;
  detection: Detection | null;
};

async function main(): Promise<void> {
  const options = readOptions();
  const command = `npm run bench:ingest${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  const total = options.batches * options.batchSize;

  console.log(`› Starting a throwaway PostgreSQL cluster`);
  const cluster = startCluster();
  const adminUrl = cluster.url;
  await withClient(adminUrl, (c) => c.query("CREATE DATABASE marginal_bench"));
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = "/marginal_bench";
  const databaseUrl = dbUrl.toString();
  const postmaster = Number(readFileSync(path.join(cluster.dir, "data", "postmaster.pid"), "utf8").split("\n")[0]) || null;
  const postgresVersion = await withClient(adminUrl, async (c) => (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v);

  const port = await freePort(3300);
  const url = `http://127.0.0.1:${port}`;
  const key = generateApiKey();
  console.log(`› Starting the app (npm start, building first if the sources changed) on ${url}`);
  const app = await startHealthyApp({
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXTAUTH_URL: url,
    MARGINAL_DEMO: "",
    MARGINAL_INIT_ORG: "Bench Ingest Co",
    MARGINAL_INIT_USER_EMAIL: "bench-ingest@marginal.local",
    MARGINAL_INIT_USER_PASSWORD: randomBytes(12).toString("hex"),
    MARGINAL_INIT_API_KEY: key,
    MARGINAL_RATE_LIMIT_RPS: "100000",
    MARGINAL_RATE_LIMIT_BURST: "100000",
  }, url);

  // The organization gets the demo's prices (the self-hosted model's, a provider discount), so the
  // server prices with overrides as a real organization's does.
  const now = new Date();
  const { overrides } = demoPriceOverrides({ now, events: total + 10_000 });
  for (const override of overrides) {
    const response = await fetch(`${url}/api/v1/prices`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(override) });
    if (!response.ok) throw new Error(`POST /api/v1/prices answered ${response.status}: ${await response.text()}`);
  }
  // The same prices here, for the COPY baseline's rows and the budgets' replay.
  const rules: PriceOverrideRule[] = overrides.map((o) => ({
    kind: o.kind,
    provider: o.provider,
    model: o.kind === "custom" ? o.model : null,
    discountPct: o.kind === "discount" ? String(o.discount_pct) : null,
    inputPrice: o.kind === "custom" ? String(o.input_price) : null,
    outputPrice: o.kind === "custom" ? String(o.output_price) : null,
    cacheReadPrice: null,
    cacheWritePrice: null,
    reasoningPrice: null,
    effectiveFrom: new Date(`${o.effective_from}T00:00:00Z`),
  }));
  const pricer = createPricer(loadCatalog(), rules);

  console.log(`› Generating ${total.toLocaleString("en-US")} events (${options.batches} batches of ${options.batchSize})`);
  const events: DemoEvent[] = [];
  for (const day of iterateDemoDays({ now, events: total, seed: 2026, idPrefix: `bench-${randomBytes(3).toString("hex")}` })) events.push(...day.events);
  const batches: DemoEvent[][] = [];
  for (let i = 0; i < events.length; i += options.batchSize) batches.push(events.slice(i, i + options.batchSize));
  const bodies = batches.map((batch) => JSON.stringify({ events: batch }));
  // Warm-up, not timed: one small batch per client opens connections and loads the route's code.
  const warmEvents = [...iterateDemoDays({ now, days: 1, events: 1000, seed: 1, idPrefix: `warm-${randomBytes(3).toString("hex")}` })].flatMap((d) => d.events);
  let acknowledged = 0;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, c) => {
      const r = await postBatch(url, key, JSON.stringify({ events: warmEvents.slice(c * 60, c * 60 + 60) }));
      acknowledged += r.accepted + r.duplicates;
    }),
  );

  const org = await withClient(databaseUrl, async (c) => (await c.query<{ id: string; time_zone: string }>(`SELECT id, "timeZone" AS time_zone FROM "Organization" WHERE name = 'Bench Ingest Co'`)).rows[0]);
  // With budgets, the worker's evaluating passes from their creation on: such a pass stamps every
  // budget with its start time (creating one stamps only that budget).
  const passes = new Set<number>();
  let watchPasses = options.budgets > 0;
  const watchFrom = new Date();
  const passWatcher = !watchPasses
    ? Promise.resolve()
    : withClient(databaseUrl, async (c) => {
        while (watchPasses) {
          const sql = `SELECT "evaluatedAt" AS at FROM "Budget" WHERE "orgId" = $1 AND "evaluatedAt" >= $2 GROUP BY 1 HAVING count(*) > 1`;
          for (const row of (await c.query<{ at: Date }>(sql, [org.id, watchFrom])).rows) passes.add(row.at.getTime());
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      });
  let budgets: PlannedBudget[] = [];
  const cost = new Map<DemoEvent, number>();
  const warmSent = warmEvents.slice(0, options.clients * 60);
  if (options.budgets > 0) {
    for (const e of [...warmSent, ...events]) cost.set(e, eventCost(pricer, e));
    console.log(`› Creating ${options.budgets} budgets through POST /api/v1/budgets`);
    budgets = await createBenchBudgets(url, key, options.budgets, { warmSent, batches }, cost, org.time_zone, now);
    const stored = await withClient(databaseUrl, async (c) => Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "Budget" WHERE "orgId" = $1`, [org.id])).rows[0].n));
    if (stored !== options.budgets) throw new Error(`${stored} budgets stored, expected ${options.budgets}`);
  }

  console.log(`› Sending from ${options.clients} concurrent clients`);
  const latencies: number[] = [];
  let retries = 0;
  let next = 0;
  let peakNext = 0;
  let peakTree = 0;
  let peakTreeBreakdown = "";
  const loadBefore = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  const before = sampleUsage(app.pid!, postmaster);
  const clientCpuBefore = process.cpuUsage();
  const ackAt: number[] = new Array<number>(bodies.length);
  const loadStartedAt = new Date();
  const sampler = setInterval(() => {
    const usage = sampleUsage(app.pid!, postmaster);
    peakNext = Math.max(peakNext, usage.nextRssMb);
    if (usage.treeRssMb > peakTree) [peakTree, peakTreeBreakdown] = [usage.treeRssMb, usage.treeBreakdown];
  }, 250);
  const started = performance.now();
  let progressAt = started;
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      for (let i = next++; i < bodies.length; i = next++) {
        const r = await postBatch(url, key, bodies[i]);
        ackAt[i] = Date.now();
        latencies.push(r.ms);
        retries += r.retries;
        acknowledged += r.accepted + r.duplicates;
        if (performance.now() - progressAt > 5000) {
          progressAt = performance.now();
          console.log(`  ${latencies.length}/${bodies.length} batches, ${Math.round((latencies.length * options.batchSize) / ((progressAt - started) / 1000)).toLocaleString("en-US")} events/s`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = sampleUsage(app.pid!, postmaster);
  const clientCpu = process.cpuUsage(clientCpuBefore);
  let detection: Detection | null = null;
  if (budgets.length > 0) {
    console.log(`› Waiting for the alerts the load should cause (the app's budget worker, at most ${ALERT_WAIT_MS / 1000} s)`);
    const ackOrder = batches.map((_, i) => i).sort((a, b) => ackAt[a] - ackAt[b]);
    const crossings = new Map(budgets.map((b) => [b.id, replayBudget(b, ackOrder, ackAt)]));
    detection = await awaitDetection(databaseUrl, org.id, budgets, crossings, batches, loadStartedAt, Date.now());
    watchPasses = false;
    await passWatcher;
    detection.passesS = [...passes].sort((a, b) => a - b).map((at) => (at - loadStartedAt.getTime()) / 1000);
    detection.loadS = seconds;
  }
  // The memory peak covers the load and, with budgets, the wait for their alerts.
  clearInterval(sampler);
  peakNext = Math.max(peakNext, after.nextRssMb);
  if (after.treeRssMb > peakTree) [peakTree, peakTreeBreakdown] = [after.treeRssMb, after.treeBreakdown];

  const counts = await withClient(databaseUrl, async (c) => {
    const [row] = (
      await c.query<{ stored: string; rollup_events: string; same_cost: boolean; org_id: string; time_zone: string }>(
        `SELECT (SELECT count(*) FROM "Event") AS stored, (SELECT coalesce(sum(events), 0) FROM "CostRollupHourly") AS rollup_events,
          (SELECT sum("costUsd") FROM "Event") = (SELECT sum("costUsd") FROM "CostRollupHourly") AS same_cost,
          (SELECT id FROM "Organization" WHERE name = 'Bench Ingest Co') AS org_id,
          (SELECT "timeZone" FROM "Organization" WHERE name = 'Bench Ingest Co') AS time_zone`,
      )
    ).rows;
    return row;
  });

  // The raw COPY baseline: the same rows, priced the same way, into a fresh copy of "Event" with
  // its keys and indexes but nothing else. Rendering the lines is not timed; only the COPY is.
  console.log(`› COPY baseline: the same ${total.toLocaleString("en-US")} rows into a fresh copy of "Event"`);
  const lines = events.map((e) => toCopyLine(counts.org_id, e, pricer));
  // Several COPYs, each into its own fresh table, and the median: one COPY takes a second or two,
  // short enough for a neighbour's burst of CPU to swing it.
  const copyRunsSeconds: number[] = [];
  for (let run = 1; run <= options.copyRuns; run++) {
    copyRunsSeconds.push(
      await withClient(databaseUrl, async (c) => {
        await c.query(`CREATE TABLE bench_copy_${run} (LIKE "Event" INCLUDING ALL)`);
        const t = performance.now();
        await pipeline(Readable.from(chunkLines(lines)), c.query(copyFrom(`COPY bench_copy_${run} (${EVENT_COPY_COLUMNS}) FROM STDIN`)));
        const s = (performance.now() - t) / 1000;
        const copied = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM bench_copy_${run}`)).rows[0].n);
        if (copied !== total) throw new Error(`COPY stored ${copied} rows, expected ${total}`);
        return s;
      }),
    );
  }
  const copySeconds = [...copyRunsSeconds].sort((a, b) => a - b)[Math.floor(copyRunsSeconds.length / 2)];

  let explain: string | null = null;
  if (options.explain) explain = await explainOneBatch(databaseUrl, counts.org_id, counts.time_zone, pricer, now);

  latencies.sort((a, b) => a - b);
  const results: Results = {
    command,
    date: new Date().toISOString(),
    machine: describeMachine(postgresVersion),
    options,
    events: total,
    seconds,
    eventsPerS: total / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    maxMs: latencies[latencies.length - 1],
    retries,
    acknowledged,
    stored: Number(counts.stored),
    rollupEvents: Number(counts.rollup_events),
    rollupCostMatches: counts.same_cost,
    peakNextRssMb: peakNext,
    peakTreeRssMb: peakTree,
    peakTreeBreakdown,
    appCpuS: after.appCpuS - before.appCpuS,
    pgCpuS: after.pgCpuS - before.pgCpuS,
    clientCpuS: (clientCpu.user + clientCpu.system) / 1e6,
    otherCpuS: Math.max(0, after.machineBusyS - before.machineBusyS - (after.appCpuS - before.appCpuS) - (after.pgCpuS - before.pgCpuS) - (clientCpu.user + clientCpu.system) / 1e6),
    loadBefore,
    copySeconds,
    copyRunsSeconds,
    copyEventsPerS: total / copySeconds,
    ratio: total / seconds / (total / copySeconds),
    explain,
    detection,
  };
  printResults(results);
  if (!options.skipDocs) {
    writeDocs(results);
    console.log(`› Wrote the figures to docs/benchmarks.md`);
  }
}

/** EXPLAIN ANALYZE of the ingest statement for one fresh batch, rolled back: where a batch's time goes. */
async function explainOneBatch(databaseUrl: string, orgId: string, timeZone: string, pricer: ReturnType<typeof createPricer>, now: Date): Promise<string> {
  const { WRITE_EVENTS_SQL, writeEventsParams } = await import("@/lib/ingest/write-events-sql");
  const { validateEvents } = await import("@/lib/ingest/validate-events");
  const batch = [...iterateDemoDays({ now, days: 1, events: 1000, seed: 99, idPrefix: `explain-${randomBytes(3).toString("hex")}` })].flatMap((d) => d.events);
  const { valid } = validateEvents(batch);
  const prices = valid.map((e) => {
    const price = pricer.priceEvent(e);
    return { costUsd: price.costUsd, costSource: price.source, priceKey: price.priceKey };
  });
  return withClient(databaseUrl, async (c) => {
    await c.query("BEGIN");
    try {
      const plan = await c.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, TIMING) ${WRITE_EVENTS_SQL}`, writeEventsParams(orgId, timeZone, valid, prices));
      return plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    } finally {
      await c.query("ROLLBACK");
    }
  });
}

function summaryLines(r: Results): string[] {
  const copyShare = r.ratio;
  return [
    `events/s sustained: ${fmt(r.eventsPerS)} (${fmt(r.events)} events in ${fmt(r.seconds, 1)} s; target ≥ ${fmt(TARGET_EVENTS_PER_S)}: ${verdict(r.eventsPerS >= TARGET_EVENTS_PER_S)})`,
    `batch latency: p50 ${fmt(r.p50Ms)} ms, p95 ${fmt(r.p95Ms)} ms, max ${fmt(r.maxMs)} ms; retries (429/503/network): ${r.retries}`,
    `raw COPY of the same rows (one stream into a fresh copy of "Event" with its indexes; median of ${r.copyRunsSeconds.length}: ${r.copyRunsSeconds.map((x) => fmt(x, 2)).join(", ")} s): ${fmt(r.copyEventsPerS)} rows/s; ingest/COPY = ${fmt(copyShare * 100, 1)}% (target ≥ ${TARGET_COPY_SHARE * 100}%: ${verdict(copyShare >= TARGET_COPY_SHARE)})`,
    `server memory, peak RSS: next start tree ${fmt(r.peakNextRssMb)} MB (target < ${TARGET_RSS_MB}: ${verdict(r.peakNextRssMb < TARGET_RSS_MB)}); whole npm start tree ${fmt(r.peakTreeRssMb)} MB (${r.peakTreeBreakdown})`,
    `acknowledged events ${fmt(r.acknowledged)} = rows stored ${fmt(r.stored)}: ${r.acknowledged === r.stored ? "yes" : "NO"}; roll-up events ${fmt(r.rollupEvents)}, roll-up cost = event cost: ${r.rollupCostMatches ? "yes" : "NO"}`,
    `CPU during the load: app ${fmt(r.appCpuS, 1)} s, PostgreSQL ${fmt(r.pgCpuS, 1)} s, bench client ${fmt(r.clientCpuS, 1)} s, other processes ${fmt(r.otherCpuS, 1)} s, over ${fmt(r.seconds, 1)} s wall on ${r.machine.nproc} cores (${fmt(r.seconds * r.machine.nproc, 1)} CPU-s available); load average before: ${r.loadBefore}`,
    ...(r.detection ? detectionLines(r.detection) : []),
  ];
}

function detectionLines(d: Detection): string[] {
  const delays = d.timed.map((t) => t.delayS).sort((a, b) => a - b);
  const met = d.detected === d.expected && delays.length > 0 && delays[delays.length - 1] <= TARGET_DETECTION_S;
  const group = (recent: boolean) => {
    const ds = d.timed.filter((t) => t.recent === recent).map((t) => t.delayS).sort((a, b) => a - b);
    return ds.length ? `${ds.length} (p50 ${fmt(percentile(ds, 50), 1)} s, max ${fmt(ds[ds.length - 1], 1)} s)` : "none";
  };
  const listed = [...d.timed].sort((a, b) => b.delayS - a.delayS).map((t) => `${t.budget} ${t.level} (${t.rule}) ${fmt(t.delayS, 1)} s`);
  return [
    `budgets: ${d.budgets} (created through the API before the load; the app's budget worker every ${fmt(WORKER_INTERVAL_S)} s); ${d.expected} should change level during the load (replay of the acknowledged batches), ${d.detected} got that alert (waited ${fmt(d.waitedS, 1)} s after the load)`,
    delays.length
      ? `detection delay, acknowledgement of the crossing batch → alert createdAt, ${delays.length} alerts: p50 ${fmt(percentile(delays, 50), 1)} s, max ${fmt(delays[delays.length - 1], 1)} s (target ≤ ${TARGET_DETECTION_S} s: ${verdict(met)}); crossing batch holding events of the last 26 h: ${group(true)}; only older events: ${group(false)}`
      : `detection delay: no alert to time (target ≤ ${TARGET_DETECTION_S} s: ${verdict(false)})`,
    `budget worker passes that evaluated the ${d.budgets} budgets (passes that found no new recent roll-ups skip them), seconds from the start of the load, which took ${fmt(d.loadS, 1)} s: ${
      d.passesS.map((x) => `${x >= 0 ? "+" : ""}${fmt(x, 1)}`).join(", ") || "none"
    }`,
    `alerts during the run: ${d.alerts} (${d.timed.length} timed, ${d.forecast} from the forecast rule, not timed: no single batch crosses it; ${d.unmatched} the replay does not explain)${listed.length ? `; slowest first: ${listed.slice(0, 12).join("; ")}` : ""}`,
  ];
}

function printResults(r: Results): void {
  console.log("\n  Ingest benchmark");
  for (const line of summaryLines(r)) console.log(`  ${line}`);
  if (r.explain) console.log(`\n  EXPLAIN ANALYZE of one batch:\n${r.explain}`);
}

const START = "<!-- bench:ingest results: written by scripts/bench/ingest.ts -->";
const END = "<!-- /bench:ingest results -->";
const BUDGETS_START = "<!-- bench:ingest --budgets results: written by scripts/bench/ingest.ts -->";
const BUDGETS_END = "<!-- /bench:ingest --budgets results -->";

function writeDocs(r: Results): void {
  if (r.detection) return writeBudgetDocs(r);
  const met = r.eventsPerS >= TARGET_EVENTS_PER_S && r.ratio >= TARGET_COPY_SHARE && r.peakNextRssMb < TARGET_RSS_MB;
  const status = `${met ? "met" : "missed"}: ${fmt(r.eventsPerS)} events/s, ${fmt(r.ratio * 100, 1)}% of COPY, ${fmt(r.peakNextRssMb)} MB (${r.date.slice(0, 10)}, see below)`;
  const section = [
    START,
    "## Ingest (`npm run bench:ingest`)",
    "",
    `Command: \`${r.command}\` (${fmt(r.options.batches)} batches of ${fmt(r.options.batchSize)} events, ${r.options.clients} concurrent clients, demo-shaped events over 90 days).`,
    `Machine: ${r.machine.nproc} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB memory, PostgreSQL ${r.machine.postgres} (throwaway cluster: fsync, synchronous_commit and full_page_writes off), Node ${r.machine.node}; ${r.date}.`,
    "The app, PostgreSQL and the load generator share the machine.",
    "",
    ...summaryLines(r).map((l) => `- ${l}`),
    ...(r.explain ? ["", "EXPLAIN ANALYZE of the ingest statement for one batch of 1,000:", "", "```", r.explain, "```"] : []),
    END,
  ].join("\n");
  writeDocsSection(START, END, section, (doc) => doc.replace(/^(\| ingest ≥ 20,000 events\/s[^|]*\| `bench:ingest` \| )[^|\n]*(\|)$/m, `$1${status} $2`));
}

/** A run with budgets has its own block; the status table keeps the plain run's figures. */
function writeBudgetDocs(r: Results): void {
  const section = [
    BUDGETS_START,
    `## Ingest with ${r.detection!.budgets} budgets (\`npm run bench:ingest -- --budgets ${r.detection!.budgets}\`)`,
    "",
    `Command: \`${r.command}\` (${fmt(r.options.batches)} batches of ${fmt(r.options.batchSize)} events, ${r.options.clients} concurrent clients, demo-shaped events over 90 days).`,
    `Machine: ${r.machine.nproc} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB memory, PostgreSQL ${r.machine.postgres} (throwaway cluster: fsync, synchronous_commit and full_page_writes off), Node ${r.machine.node}; ${r.date}.`,
    "The app (with its budget worker), PostgreSQL and the load generator share the machine.",
    "",
    ...summaryLines(r).map((l) => `- ${l}`),
    ...(r.explain ? ["", "EXPLAIN ANALYZE of the ingest statement for one batch of 1,000:", "", "```", r.explain, "```"] : []),
    BUDGETS_END,
  ].join("\n");
  writeDocsSection(BUDGETS_START, BUDGETS_END, section);
}

runBenchmark(main);
