// `npm run test:load -- [--minutes 3] [--clients 8] [--rate 400] [--port 3300]`
//
// Load and soak (SPEC 11, issue 7): the built app on loopback against a throwaway PostgreSQL
// cluster, `--clients` SDK clients (lib/client, retries on) each tracking `--rate` events per second
// for `--minutes`. The key's rate limit is set low enough that some requests are answered 429 and
// retried after Retry-After. At the end: events acknowledged = rows stored, no id twice, roll-ups
// and runs equal to the raw sums exactly, and the server's memory flat (see memory-sampler.ts).
// Exits non-zero when any property is violated.
import { parseArgs } from "node:util";
import { fmt, runBenchmark, withClient } from "../bench/harness";
import { checkStoredEvents, printChecks } from "./checks";
import { createClientPool, describeAttempts } from "./clients";
import { sampleMemory } from "./memory-sampler";
import { startStack } from "./stack";

function readOptions() {
  const { values } = parseArgs({
    options: {
      minutes: { type: "string", default: "3" },
      clients: { type: "string", default: "8" },
      rate: { type: "string", default: "400" },
      port: { type: "string", default: "3300" },
    },
  });
  const number = (name: string, text: string | undefined, min: number, max: number) => {
    const n = Number(text);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}`);
    return n;
  };
  return {
    minutes: number("minutes", values.minutes, 0.5, 120),
    clients: number("clients", values.clients, 1, 64),
    rate: number("rate", values.rate, 10, 20_000),
    port: number("port", values.port, 1024, 65535),
  };
}

async function main(): Promise<void> {
  const options = readOptions();
  const durationMs = options.minutes * 60_000;
  // Each client sends every 500 ms (about 2 requests/s each); 1.25 requests/s per client makes
  // the limiter answer some of them 429, and batches grow towards 1,000 so the load still fits.
  const rateLimitRps = Math.max(2, Math.round(options.clients * 1.25));
  const stack = await startStack({ port: options.port, orgName: "Reliability Load Co", rateLimitRps, rateLimitBurst: rateLimitRps * 2 });
  const pool = createClientPool({ url: stack.url, apiKey: stack.apiKey, clients: options.clients, maxRetries: 10, maxBackoffMs: 10_000, requestTimeoutMs: 30_000 });

  console.log(`› ${options.clients} clients × ${fmt(options.rate)} events/s for ${options.minutes} min (key limited to ${rateLimitRps} requests/s, burst ${rateLimitRps * 2})`);
  // A third of a short run (at most 60 s) is warm-up: memory climbs while code and caches load.
  const memory = sampleMemory(stack.server.pid(), 2_000, Math.min(60_000, durationMs / 3));
  const startedAt = Date.now();
  pool.startTracking(options.rate);
  const progress = setInterval(() => {
    const s = pool.stats;
    console.log(`  t+${fmt((Date.now() - startedAt) / 1000)} s: ${fmt(s.tracked.size)} tracked, ${fmt(s.acknowledged.size)} acknowledged; attempts ${describeAttempts(s)}`);
  }, 15_000);
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  await pool.stop();
  clearInterval(progress);
  const seconds = (Date.now() - startedAt) / 1000;
  const memoryCheck = memory.stop();

  const s = pool.stats;
  console.log(`\n== Load and soak: ${fmt(s.tracked.size)} events in ${fmt(seconds)} s (${fmt(s.acknowledged.size / seconds)} events/s acknowledged)`);
  console.log(`  attempts ${describeAttempts(s)}`);
  const checks = await withClient(stack.databaseUrl, (c) => checkStoredEvents(c, stack.orgId, stack.timeZone, s, true));
  checks.push({ name: "retries exercised (some 429 answered and retried)", ok: (s.statuses.get(429) ?? 0) > 0, detail: `${fmt(s.statuses.get(429) ?? 0)} answered 429` });
  checks.push(memoryCheck);
  if (!printChecks(checks)) throw new Error("the load run violated the properties above");
  console.log("  all properties hold");
}

runBenchmark(main);
