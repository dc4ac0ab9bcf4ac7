// `npm run test:faults -- [--clients 8] [--rate 250] [--phase-seconds 8] [--port 3301]`
//
// Faults during ingestion (SPEC 2.1 and 11, issue 7): SDK clients (lib/client, retries on) track
// events steadily while (1) the `next-server` process is SIGKILLed with ingest statements under way
// and started again, then (2) PostgreSQL is restarted (`pg_ctl restart -m fast`) with ingest
// statements under way. Afterwards nothing is lost and nothing is duplicated: every tracked event acknowledged and
// stored once, no other row, roll-ups and runs equal to the raw sums. Each fault must have failed
// some attempts, or it tested nothing. Exits non-zero when any property is violated.
// (A webhook receiver that is down is covered by lib/alerts/deliver-alerts.db.test.ts, "gets every
// alert to a receiver that fails, then is down, then recovers".)
import { parseArgs } from "node:util";
import pg from "pg";
import { fmt, runBenchmark, withClient } from "../bench/harness";
import { checkStoredEvents, printChecks, type Check } from "./checks";
import { createClientPool, describeAttempts, type WireStats } from "./clients";
import { startStack } from "./stack";

function readOptions() {
  const { values } = parseArgs({
    options: {
      clients: { type: "string", default: "8" },
      rate: { type: "string", default: "250" },
      "phase-seconds": { type: "string", default: "8" },
      port: { type: "string", default: "3301" },
    },
  });
  const number = (name: string, text: string | undefined, min: number, max: number) => {
    const n = Number(text);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}`);
    return n;
  };
  return {
    clients: number("clients", values.clients, 1, 64),
    rate: number("rate", values.rate, 10, 20_000),
    phaseMs: number("phase-seconds", values["phase-seconds"], 2, 600) * 1000,
    port: number("port", values.port, 1024, 65535),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fault` while ingest statements are held waiting inside PostgreSQL: a SHARE lock on the
 * hourly roll-up table (which every ingest statement writes) stops them mid-statement, so the
 * fault lands in the middle of ingestion every time, not when a request happens to be open.
 * Releasing the lock afterwards lets a statement whose server was killed commit with no one to
 * answer: the retry must then be counted as duplicates. Returns how many statements were held.
 */
async function withIngestHeld(databaseUrl: string, fault: () => Promise<void> | void): Promise<number> {
  const c = new pg.Client({ connectionString: databaseUrl });
  // A PostgreSQL restart cuts this connection too: that is expected, not an error of the run.
  c.on("error", () => {});
  await c.connect();
  let held = 0;
  try {
    await c.query("BEGIN");
    await c.query(`LOCK TABLE "CostRollupHourly" IN SHARE MODE`);
    const waiting = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%WITH input AS%'`;
    for (let waited = 0; held === 0 && waited < 10_000; waited += 10) {
      held = (await c.query<{ n: number }>(waiting)).rows[0].n;
      if (held === 0) await sleep(10);
    }
    await fault();
    await c.query("ROLLBACK").catch(() => {});
  } finally {
    await c.end().catch(() => {});
  }
  return held;
}

const failedAttempts = (s: WireStats) => s.networkErrors + [...s.statuses].filter(([status]) => status >= 500).reduce((a, [, n]) => a + n, 0);

async function main(): Promise<void> {
  const options = readOptions();
  const stack = await startStack({ port: options.port, orgName: "Reliability Faults Co", rateLimitRps: 100_000, rateLimitBurst: 100_000 });
  // Enough retries, with short enough waits, to outlast a restart of either process.
  const pool = createClientPool({ url: stack.url, apiKey: stack.apiKey, clients: options.clients, maxRetries: 30, maxBackoffMs: 3_000, requestTimeoutMs: 15_000 });
  const s = pool.stats;
  const faults: Check[] = [];

  console.log(`› ${options.clients} clients × ${fmt(options.rate)} events/s; a fault every ${options.phaseMs / 1000} s`);
  pool.startTracking(options.rate);
  await sleep(options.phaseMs);

  const beforeKill = { failed: failedAttempts(s), duplicates: s.duplicates };
  let killedPid = 0;
  const heldAtKill = await withIngestHeld(stack.databaseUrl, async () => {
    killedPid = stack.server.pid();
    await stack.server.kill();
  });
  console.log(`› SIGKILLed next-server (pid ${killedPid}) with ${heldAtKill} ingest statement(s) under way; starting it again`);
  const downAt = Date.now();
  await stack.server.start();
  console.log(`› The app answers again after ${fmt((Date.now() - downAt) / 1000, 1)} s`);
  await sleep(options.phaseMs);
  const killFailures = failedAttempts(s) - beforeKill.failed;
  const killDuplicates = s.duplicates - beforeKill.duplicates;
  faults.push({
    name: "server SIGKILL hit ingestion",
    ok: heldAtKill > 0 && killFailures > 0 && killDuplicates > 0,
    detail: `${heldAtKill} statement(s) under way, ${killFailures} attempt(s) failed and were retried, ${killDuplicates} events committed without an answer came back as duplicates`,
  });

  const beforeRestart = failedAttempts(s);
  const restartAt = Date.now();
  const heldAtRestart = await withIngestHeld(stack.databaseUrl, () => stack.restartPostgres());
  console.log(`› Restarted PostgreSQL (fast) with ${heldAtRestart} ingest statement(s) under way, in ${fmt((Date.now() - restartAt) / 1000, 1)} s`);
  await sleep(options.phaseMs);
  const restartFailures = failedAttempts(s) - beforeRestart;
  faults.push({
    name: "PostgreSQL restart hit ingestion",
    ok: heldAtRestart > 0 && restartFailures > 0,
    detail: `${heldAtRestart} statement(s) under way, ${restartFailures} attempt(s) failed and were retried`,
  });

  // SPEC 2.1: a database that cannot be reached is a 503 with Retry-After, never a bare 500.
  faults.push({ name: "faults answered 503 or not at all, never 500", ok: !s.statuses.has(500), detail: `attempts ${describeAttempts(s)}` });

  await pool.stop();
  console.log(`\n== Faults: ${fmt(s.tracked.size)} events tracked; attempts ${describeAttempts(s)}`);
  const checks = [...faults, ...(await withClient(stack.databaseUrl, (c) => checkStoredEvents(c, stack.orgId, stack.timeZone, s, false)))];
  if (!printChecks(checks)) throw new Error("the fault run violated the properties above");
  console.log("  all properties hold");
}

runBenchmark(main);
