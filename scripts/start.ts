// `npm start`: build when sources changed, prepare the configured database (embedded PGlite, or
// DATABASE_URL) in a child process (scripts/prepare-database.ts), then serve. The launcher itself
// loads no application code, so it stays small while the server runs.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { buildIfStale } from "./build-if-stale";

const port = process.env.PORT ?? "3000";
const embedded = !process.env.DATABASE_URL;
const dataDir = path.resolve(process.env.MARGINAL_DATA_DIR ?? path.join(".data", "pglite"));

/** next-auth signs sessions with NEXTAUTH_SECRET; a zero-setup start keeps one in .data/. */
function ensureAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.resolve(".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** Runs a command to completion with the launcher's environment, failing on a non-zero exit. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: process.env });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.NEXTAUTH_SECRET = ensureAuthSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  if (embedded) process.env.MARGINAL_DATA_DIR = dataDir;
  buildIfStale();
  await run("npx", ["tsx", "--conditions=react-server", "scripts/prepare-database.ts"]);
  const demo = embedded || process.env.MARGINAL_DEMO === "1";

  const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));

  const url = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 120; attempt++) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    // Only our own server counts: another process may hold the port (then ours exits).
    if (ok && server.exitCode === null) {
      console.log(`\n  Marginal is running at ${url}`);
      console.log(`  Database: ${embedded ? `embedded PGlite in ${dataDir}` : "PostgreSQL (DATABASE_URL)"}`);
      if (demo) console.log("  Sign in with demo@marginal.local / marginal-demo\n");
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.warn("! The server did not report healthy within a minute; see the messages above.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
