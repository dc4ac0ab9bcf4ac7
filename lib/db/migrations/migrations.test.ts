import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { SchemaEngineWasm } from "@prisma/migrate";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, checksumMatches, MigrationError, readMigrations, type MigrationErrorCode } from "./apply-migrations";
import { diffSchema } from "./diff-schema";
import { openSqlTarget, wrapPgliteTarget, type SqlTarget } from "./open-sql-target";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");

interface HistoryRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

let tempDirs: string[] = [];

afterEach(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  tempDirs = [];
});

async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "marginal-mig-"));
  tempDirs.push(dir);
  return dir;
}

async function copyMigrations(): Promise<string> {
  const dir = path.join(await makeTempDir(), "migrations");
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

// The real schema plus one column, so it no longer matches the migrations.
async function writeMismatchedSchema(): Promise<string> {
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const changed = schema.replace(/^model User \{\n/m, "model User {\n  nickname String?\n");
  expect(changed).not.toBe(schema);
  const file = path.join(await makeTempDir(), "schema.prisma");
  await writeFile(file, changed);
  return file;
}

async function listMigrationNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

// Table names from schema.prisma, honouring @@map, so the test follows the schema as it grows.
async function readExpectedTableNames(): Promise<string[]> {
  const schema = await readFile(SCHEMA_PATH, "utf8");
  return [...schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(
    ([, name, body]) => body.match(/@@map\("([^"]+)"\)/)?.[1] ?? name,
  );
}

async function readHistory(target: SqlTarget): Promise<HistoryRow[]> {
  return target.query<HistoryRow>(
    `SELECT id, migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
  );
}

async function expectRejectionCode(promise: Promise<unknown>, code: MigrationErrorCode): Promise<MigrationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MigrationError);
  expect((error as MigrationError).code).toBe(code);
  return error as MigrationError;
}

type EngineMigrationList = Parameters<SchemaEngineWasm["applyMigrations"]>[0]["migrationsList"];

// The migrations folder as Prisma's CLI hands it to the schema engine (its listMigrations).
async function loadEngineMigrationList(dir: string): Promise<EngineMigrationList> {
  const lockfile = await readFile(path.join(dir, "migration_lock.toml"), "utf8").catch(() => null);
  const migrations = await readMigrations(dir);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((migration) => ({
      path: migration.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: migration.sql } },
    })),
  };
}

async function setupEngine(db: PGlite): Promise<SchemaEngineWasm> {
  return SchemaEngineWasm.setup({ adapter: bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(db)) });
}

async function runScript(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(ROOT, "node_modules/.bin/tsx");
  return new Promise((resolve) => {
    execFile(tsx, [path.join(ROOT, "scripts/db", script), ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The apply behaviour every kind of target must show; `openFresh` gives an empty database. */
function defineApplyTests(openFresh: () => Promise<SqlTarget>): void {
  it("applies every migration, creating the schema's tables and Prisma's history rows", async () => {
    const target = await openFresh();
    try {
      const names = await listMigrationNames(MIGRATIONS_DIR);
      expect(names.length).toBeGreaterThan(0);
      expect(await applyMigrations(target, MIGRATIONS_DIR)).toEqual(names);

      const tables = await target.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
      );
      const tableNames = tables.map((row) => row.table_name);
      for (const expected of [...(await readExpectedTableNames()), "_prisma_migrations"]) {
        expect(tableNames).toContain(expected);
      }

      const history = await readHistory(target);
      expect(history.map((row) => row.migration_name)).toEqual(names);
      for (const row of history) {
        const bytes = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
        expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
        expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
    } finally {
      await target.close();
    }
  });

  it("does nothing when applied a second time", async () => {
    const target = await openFresh();
    try {
      await applyMigrations(target, MIGRATIONS_DIR);
      const before = await readHistory(target);
      expect(await applyMigrations(target, MIGRATIONS_DIR)).toEqual([]);
      expect(await readHistory(target)).toEqual(before);
    } finally {
      await target.close();
    }
  });
}

describe("migrations on a fresh in-memory PGlite", () => {
  defineApplyTests(() => openSqlTarget({ inMemory: true }));

  it("refuses a migration modified after it was applied", async () => {
    const migrationsDir = await copyMigrations();
    const target = await openSqlTarget({ inMemory: true });
    try {
      await applyMigrations(target, migrationsDir);
      const [first] = await listMigrationNames(migrationsDir);
      await appendFile(path.join(migrationsDir, first, "migration.sql"), "\n-- edited afterwards\n");
      const error = await expectRejectionCode(applyMigrations(target, migrationsDir), "CHECKSUM_MISMATCH");
      expect(error.message).toContain(first);
    } finally {
      await target.close();
    }
  });

  it("accepts an applied migration whose line endings git converted, as Prisma does", async () => {
    const script = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";
    const recorded = createHash("sha256").update(script).digest("hex");
    expect(checksumMatches(script.replaceAll("\n", "\r\n"), recorded)).toBe(true);
    expect(checksumMatches(`${script}-- more\n`, recorded)).toBe(false);
  });

  it("refuses to go on while a failed migration is recorded", async () => {
    const target = await openSqlTarget({ inMemory: true });
    try {
      await applyMigrations(target, MIGRATIONS_DIR);
      await target.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
        ["00000000-0000-4000-8000-000000000000", "0".repeat(64), "20990101000000_broken"],
      );
      const error = await expectRejectionCode(applyMigrations(target, MIGRATIONS_DIR), "FAILED_MIGRATION_RECORDED");
      expect(error.message).toContain("20990101000000_broken");
    } finally {
      await target.close();
    }
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const migrationsDir = await copyMigrations();
    const failing = path.join(migrationsDir, "20990101000000_failing");
    await mkdir(failing);
    await writeFile(path.join(failing, "migration.sql"), `CREATE TABLE "Partial" (id int);\nSELECT no_such_function();\n`);
    const target = await openSqlTarget({ inMemory: true });
    try {
      await expectRejectionCode(applyMigrations(target, migrationsDir), "MIGRATION_FAILED");
      const partial = await target.query(`SELECT to_regclass('"Partial"') AS oid`);
      expect(partial[0]).toEqual({ oid: null });
      const history = await readHistory(target);
      expect(history.map((row) => row.migration_name)).toEqual(await listMigrationNames(MIGRATIONS_DIR));
    } finally {
      await target.close();
    }
  });

  // The WebAssembly build of the engine behind `prisma migrate deploy` is the judge of compatibility.
  it("agrees with Prisma's own schema engine about what is applied, in both directions", async () => {
    const filters = { externalTables: [], externalEnums: [] };
    const migrationsList = await loadEngineMigrationList(MIGRATIONS_DIR);
    const names = migrationsList.migrationDirectories.map((dir) => dir.path);

    const oursFirst = await PGlite.create();
    const prismaFirst = await PGlite.create();
    const engines = [await setupEngine(oursFirst), await setupEngine(prismaFirst)];
    try {
      expect(await applyMigrations(wrapPgliteTarget(oursFirst), MIGRATIONS_DIR)).toEqual(names);
      const diagnosis = await engines[0].diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters });
      expect(diagnosis).toMatchObject({ editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true });
      expect(await engines[0].applyMigrations({ migrationsList, filters })).toEqual({ appliedMigrationNames: [] });

      expect(await engines[1].applyMigrations({ migrationsList, filters })).toEqual({ appliedMigrationNames: names });
      expect(await applyMigrations(wrapPgliteTarget(prismaFirst), MIGRATIONS_DIR)).toEqual([]);
    } finally {
      await Promise.all(engines.map((engine) => engine.stop()));
      await Promise.all([oursFirst.close(), prismaFirst.close()]);
    }
  });
});

describe("schema check", () => {
  it("finds nothing to do for the real schema and migrations", async () => {
    expect(await diffSchema({ schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR })).toEqual({ isEmpty: true, sql: "" });
  });

  it("reports the SQL a mismatched schema needs", async () => {
    const schemaPath = await writeMismatchedSchema();
    const diff = await diffSchema({ schemaPath, migrationsDir: MIGRATIONS_DIR });
    expect(diff.isEmpty).toBe(false);
    expect(diff.sql).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"nickname" TEXT;/);
  });

  it("db:check exits 0 in sync and 1 with the diff on a mismatch", async () => {
    const inSync = await runScript("check.ts", ["--schema", SCHEMA_PATH, "--migrations", MIGRATIONS_DIR]);
    expect(inSync.code).toBe(0);
    expect(inSync.stdout).toContain("in sync");

    const schemaPath = await writeMismatchedSchema();
    const mismatch = await runScript("check.ts", ["--schema", schemaPath, "--migrations", MIGRATIONS_DIR]);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stdout).toContain(`"nickname" TEXT`);
  });

  it("db:new-migration writes the missing migration once, then finds no changes", async () => {
    const migrationsDir = await copyMigrations();
    const schemaPath = await writeMismatchedSchema();
    const before = await listMigrationNames(migrationsDir);

    const created = await runScript("new-migration.ts", ["Add nickname", "--schema", schemaPath, "--migrations", migrationsDir]);
    expect(created.code).toBe(0);
    const added = (await listMigrationNames(migrationsDir)).filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\d{14}_add_nickname$/);
    expect(await readFile(path.join(migrationsDir, added[0], "migration.sql"), "utf8")).toContain(`"nickname" TEXT`);

    const again = await runScript("new-migration.ts", ["again", "--schema", schemaPath, "--migrations", migrationsDir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("no changes");
    expect(await listMigrationNames(migrationsDir)).toEqual([...before, added[0]]);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("migrations on a PostgreSQL server (TEST_DATABASE_URL)", () => {
  const databaseName = `marginal_mig_${randomBytes(6).toString("hex")}`;
  let databaseUrl = "";

  async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await withAdminClient((client) => client.query(`CREATE DATABASE "${databaseName}"`));
    const url = new URL(serverUrl as string);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
  });

  afterAll(async () => {
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`));
  });

  // One database per run; each test starts from an empty public schema in it.
  beforeEach(async () => {
    const target = await openSqlTarget({ databaseUrl });
    try {
      await target.exec(`DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;`);
    } finally {
      await target.close();
    }
  });

  defineApplyTests(() => openSqlTarget({ databaseUrl }));

  it("applies each migration once when two runs race (advisory lock)", async () => {
    const [first, second] = await Promise.all([openSqlTarget({ databaseUrl }), openSqlTarget({ databaseUrl })]);
    try {
      const results = await Promise.all([applyMigrations(first, MIGRATIONS_DIR), applyMigrations(second, MIGRATIONS_DIR)]);
      const names = await listMigrationNames(MIGRATIONS_DIR);
      expect([...results[0], ...results[1]].sort()).toEqual(names);
      expect((await readHistory(first)).map((row) => row.migration_name)).toEqual(names);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
