// `npm start`: build when sources changed, apply pending migrations to the configured database
// (embedded PGlite, or DATABASE_URL), make sure the start-up organizations exist, then serve.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openSqlTarget } from "@/lib/db/migrations/open-sql-target";
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

async function migrate(): Promise<void> {
  const target = await openSqlTarget(embedded ? { dataDir } : { databaseUrl: process.env.DATABASE_URL });
  try {
    const applied = await applyMigrations(target, path.resolve("prisma", "migrations"));
    console.log(applied.length ? `› Applied migrations: ${applied.join(", ")}` : `› Database is up to date (${target.label})`);
  } finally {
    await target.close();
  }
}

async function ensureOrganizations(): Promise<boolean> {
  // Imported after migrating: these open the app's own database connection.
  const { ensureDemoOrganization, ensureInitialOrganization } = await import("@/lib/setup/start-up-organizations");
  const { getConnection } = await import("@/lib/db");
  const withDemo = embedded || process.env.MARGINAL_DEMO === "1";
  try {
    const initial = await ensureInitialOrganization();
    const demo = withDemo ? await ensureDemoOrganization() : null;
    for (const result of [initial, demo]) {
      if (!result) continue;
      for (const line of result.created) console.log(`› Created ${line}`);
      for (const line of result.warnings) console.warn(`! ${line}`);
    }
    // A demo organization without events (just created, or emptied) gets its 90 days of data.
    if (demo) {
      const { loadDemoDataIfEmpty } = await import("@/prisma/demo/load-demo-data");
      const loaded = await loadDemoDataIfEmpty(demo.orgId, { now: new Date() }, () => console.log("› Loading the demo organization's 90 days of data…"));
      if (loaded) {
        console.log(`› Loaded demo data: ${loaded.events.toLocaleString("en-US")} events, ${loaded.outcomes.toLocaleString("en-US")} run outcomes, ${loaded.revenue} revenue rows in ${(loaded.ms / 1000).toFixed(1)} s`);
      }
    }
  } finally {
    // PGlite allows one process per data folder: release it before the server opens it.
    await getConnection().close();
  }
  return withDemo;
}

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.NEXTAUTH_SECRET = ensureAuthSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  if (embedded) process.env.MARGINAL_DATA_DIR = dataDir;
  buildIfStale();
  await migrate();
  const demo = await ensureOrganizations();

  const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));

  const url = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 120; attempt++) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) {
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
