// What the benchmarks under scripts/bench share: a throwaway PostgreSQL cluster and everything else
// they start, stopped on the way out (also on Ctrl-C); CPU of process trees from /proc; the machine
// they ran on; percentiles and number formatting; the budgets they give an organization; and the
// marked block each one rewrites in docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import pg from "pg";
import type { CreateBudgetInput } from "@/lib/budgets/schemas";

export const ROOT = path.resolve(__dirname, "../..");

// ---------------------------------------------------------------------------------------------
// Clean-up: whatever a benchmark starts registers how to stop it; the last started stops first.

export const cleanups: (() => Promise<void> | void)[] = [];

/** Runs every registered clean-up, newest first, reporting (not throwing) failures. */
export async function cleanUp(): Promise<void> {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      console.error(`! clean-up: ${(error as Error).message}`);
    }
  }
}

/** Runs a benchmark's main function: exit code 1 on error, clean-up always, also on SIGINT/SIGTERM. */
export function runBenchmark(main: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n! ${signal}: stopping what the benchmark started`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  main()
    .catch((error: unknown) => {
      console.error(`! ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    })
    .finally(async () => {
      await cleanUp();
    });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL.

/** Starts a throwaway cluster with scripts/pg-test-cluster.sh; it is stopped and deleted by cleanUp(). */
export function startCluster(): { url: string; dir: string; envFile: string } {
  const work = mkdtempSync(path.join(tmpdir(), "marginal-bench-"));
  const envFile = path.join(work, "pg.env");
  const started = spawnSync("bash", [path.join(ROOT, "scripts/pg-test-cluster.sh"), "start", "--env-file", envFile], { stdio: ["ignore", "ignore", "inherit"] });
  if (started.status !== 0) throw new Error("could not start a throwaway PostgreSQL cluster");
  cleanups.push(() => {
    spawnSync("bash", [path.join(ROOT, "scripts/pg-test-cluster.sh"), "stop", envFile], { stdio: ["ignore", "ignore", "inherit"] });
    rmSync(work, { recursive: true, force: true });
  });
  const env = readFileSync(envFile, "utf8");
  const value = (name: string) => /=(.*)$/.exec(env.split("\n").find((l) => l.startsWith(`export ${name}=`)) ?? "")?.[1]?.replace(/^'|'$/g, "") ?? "";
  return { url: value("TEST_DATABASE_URL"), dir: value("PG_TEST_DIR"), envFile };
}

/** One connection for the length of `fn`. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Processes: /proc, for memory and CPU of process trees.

export const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

export type ProcInfo = { pid: number; ppid: number; cmd: string; rssKb: number; cpuTicks: number };

/** Every process visible in /proc, by pid. */
export function readProcesses(): Map<number, ProcInfo> {
  const procs = new Map<number, ProcInfo>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name is in parentheses and may hold spaces: split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      const rss = /VmRSS:\s+(\d+)/.exec(status);
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      procs.set(Number(name), { pid: Number(name), ppid: Number(fields[1]), cmd, rssKb: rss ? Number(rss[1]) : 0, cpuTicks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while we read it.
    }
  }
  return procs;
}

/** A process and all its descendants. */
export function subtree(procs: Map<number, ProcInfo>, root: number): ProcInfo[] {
  const children = new Map<number, number[]>();
  for (const p of procs.values()) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const out: ProcInfo[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const p = procs.get(pid);
    if (!p) continue;
    out.push(p);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** CPU seconds a process tree has used so far. */
export function treeCpuSeconds(root: number): number {
  return subtree(readProcesses(), root).reduce((a, p) => a + p.cpuTicks, 0) / CLOCK_TICKS;
}

/** CPU seconds the whole machine spent busy since boot (all cores), from /proc/stat. */
export function machineBusySeconds(): number {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
}

/** The 1, 5 and 15 minute load averages, as /proc/loadavg prints them. */
export function loadAverage(): string {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
}

export type Machine = { nproc: number; cpu: string; memoryGb: number; postgres: string; node: string };

/** The machine a benchmark ran on, for its results. */
export function describeMachine(postgres: string): Machine {
  return { nproc: cpus().length, cpu: cpus()[0]?.model ?? "unknown", memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10, postgres, node: process.version };
}

// ---------------------------------------------------------------------------------------------
// Figures.

/** Nearest-rank percentile of ascending `sorted`; NaN when empty. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

/**
 * Puts `section` (which starts with `start` and ends with `end`) into docs/benchmarks.md in place
 * of the previous block between those markers, or at the end; `edit` may change the rest first.
 */
export function writeDocsSection(start: string, end: string, section: string, edit: (doc: string) => string = (doc) => doc): void {
  const file = path.join(ROOT, "docs", "benchmarks.md");
  const doc = edit(readFileSync(file, "utf8"));
  const startAt = doc.indexOf(start);
  const endAt = doc.indexOf(end);
  writeFileSync(file, startAt >= 0 && endAt > startAt ? doc.slice(0, startAt) + section + doc.slice(endAt + end.length) : `${doc.trimEnd()}\n\n${section}\n`);
}

// ---------------------------------------------------------------------------------------------
// Budgets: the shapes the benchmarks give an organization's budgets.

/** The periods bench budgets cycle through. */
export const BENCH_BUDGET_PERIODS = ["day", "week", "month", "quarter"] as const;
/** The scope dimensions (besides the whole organization) bench budgets are spread over. */
export const BENCH_BUDGET_DIMENSIONS = ["feature", "team", "customer", "workflow", "provider", "model"] as const;
export type BenchBudgetDimension = (typeof BENCH_BUDGET_DIMENSIONS)[number];

/** The scopes bench budgets cycle through: the organization, then each dimension's values in the order given (most spend first). */
export function benchBudgetScopes(valuesByDimension: Record<BenchBudgetDimension, string[]>): CreateBudgetInput["scope"][] {
  const scopes: CreateBudgetInput["scope"][] = [{ dimension: "org" }];
  for (const dimension of BENCH_BUDGET_DIMENSIONS) for (const value of valuesByDimension[dimension]) scopes.push({ dimension, value });
  return scopes;
}

/** `count` budgets named `Bench 1…`, cycling through `scopes` and the four periods; `amountUsd` sizes each. */
export function benchBudgetInputs(
  count: number,
  scopes: CreateBudgetInput["scope"][],
  amountUsd: (i: number, scope: CreateBudgetInput["scope"], period: (typeof BENCH_BUDGET_PERIODS)[number]) => string,
): CreateBudgetInput[] {
  return Array.from({ length: count }, (_, i) => {
    const scope = scopes[i % scopes.length];
    const period = BENCH_BUDGET_PERIODS[i % BENCH_BUDGET_PERIODS.length];
    return { name: `Bench ${i + 1}`, scope, period, amount_usd: amountUsd(i, scope, period) };
  });
}
