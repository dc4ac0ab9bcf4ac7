// What the reliability suites run against: a throwaway PostgreSQL cluster (restartable), the app's
// database prepared once (migrations, an organization with an ingest key), and the built app served
// by `next start` itself, so the pid the fault suite SIGKILLs is the server and not a launcher.
// Everything started here is registered with scripts/bench/harness.ts's clean-ups.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateApiKey } from "@/lib/api-keys/key-material";
import { buildIfStale } from "../build-if-stale";
import { cleanups, ROOT, startCluster, withClient } from "../bench/harness";

export type Stack = {
  url: string;
  apiKey: string;
  databaseUrl: string;
  orgId: string;
  timeZone: string;
  server: AppServer;
  /** Restarts PostgreSQL (`pg_ctl restart -m fast`): every connection is cut, nothing committed is lost. */
  restartPostgres(): void;
};

export type StackOptions = { port: number; orgName: string; rateLimitRps: number; rateLimitBurst: number };

/** Builds the app when its sources changed, then starts the cluster, prepares the database and starts the server. */
export async function startStack(options: StackOptions): Promise<Stack> {
  process.chdir(ROOT);
  buildIfStale();

  console.log("› Starting a throwaway PostgreSQL cluster");
  const cluster = startCluster();
  await withClient(cluster.url, (c) => c.query("CREATE DATABASE marginal_reliability"));
  const db = new URL(cluster.url);
  db.pathname = "/marginal_reliability";
  const databaseUrl = db.toString();

  const url = `http://127.0.0.1:${options.port}`;
  const apiKey = generateApiKey();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXTAUTH_URL: url,
    MARGINAL_DEMO: "",
    MARGINAL_INIT_ORG: options.orgName,
    MARGINAL_INIT_USER_EMAIL: "reliability@marginal.local",
    MARGINAL_INIT_USER_PASSWORD: randomBytes(12).toString("hex"),
    MARGINAL_INIT_API_KEY: apiKey,
    MARGINAL_RATE_LIMIT_RPS: String(options.rateLimitRps),
    MARGINAL_RATE_LIMIT_BURST: String(options.rateLimitBurst),
  };

  console.log("› Preparing the database (migrations, the organization and its ingest key)");
  const prepared = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/prepare-database.ts"], { cwd: ROOT, env, stdio: "inherit" });
  if (prepared.status !== 0) throw new Error("scripts/prepare-database.ts failed");
  const org = await withClient(databaseUrl, async (c) => {
    const sql = `SELECT id, "timeZone" AS time_zone FROM "Organization" WHERE name = $1`;
    return (await c.query<{ id: string; time_zone: string }>(sql, [options.orgName])).rows[0];
  });

  const server = createAppServer(env, options.port, url);
  console.log(`› Starting the app (next start) on ${url}`);
  await server.start();

  return {
    url,
    apiKey,
    databaseUrl,
    orgId: org.id,
    timeZone: org.time_zone,
    server,
    restartPostgres() {
      const restarted = spawnSync("bash", [path.join(ROOT, "scripts/pg-test-cluster.sh"), "restart", cluster.envFile], { stdio: ["ignore", "ignore", "inherit"] });
      if (restarted.status !== 0) throw new Error("could not restart PostgreSQL");
    },
  };
}

export type AppServer = {
  /** Starts `next start` and waits until /api/health answers. */
  start(): Promise<void>;
  /** The pid of the running `next-server` process. */
  pid(): number;
  /** SIGKILLs the server and waits until it is gone. */
  kill(): Promise<void>;
};

function createAppServer(env: NodeJS.ProcessEnv, port: number, url: string): AppServer {
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const stop = async (signal: NodeJS.Signals) => {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    // Its own process group: nothing it started outlives it.
    process.kill(-current.pid!, signal);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  };
  cleanups.push(async () => {
    await stop("SIGTERM");
    await stop("SIGKILL");
  });

  return {
    async start() {
      const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
      const started = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      child = started;
      exited = new Promise((resolve) => started.once("exit", () => resolve()));
      const relay = (chunk: Buffer) => {
        for (const line of chunk.toString().split("\n").filter(Boolean)) console.log(`  [app] ${line}`);
      };
      started.stdout!.on("data", relay);
      started.stderr!.on("data", relay);
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        if (started.exitCode !== null || started.signalCode !== null) throw new Error(`next start exited (${started.exitCode ?? started.signalCode}) before it was healthy`);
        if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error("the app was not healthy within 120 s");
    },
    pid() {
      if (!child?.pid) throw new Error("the app is not running");
      return child.pid;
    },
    async kill() {
      await stop("SIGKILL");
    },
  };
}

/** The resident memory of a process in MB, from /proc; null once it has ended. */
export function residentMb(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}
