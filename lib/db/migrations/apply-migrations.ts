import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlTarget } from "./open-sql-target";

/** The session lock `prisma migrate deploy` takes, so our runs and Prisma's exclude each other. */
export const MIGRATION_LOCK_ID = 72707369;

/** Prisma's own DDL for its history table, so `prisma migrate deploy` can carry on from ours. */
export const CREATE_MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/** What went wrong, for callers that react differently to each. */
export type MigrationErrorCode = "INVALID_MIGRATION_DIR" | "FAILED_MIGRATION_RECORDED" | "CHECKSUM_MISMATCH" | "MIGRATION_FAILED";

/** Why a migration run refused to start or stopped. */
export class MigrationError extends Error {
  readonly code: MigrationErrorCode;

  constructor(code: MigrationErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
    this.code = code;
  }
}

/** One `<name>/migration.sql` of the migrations folder. */
export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
  started_at: Date | string;
}

/** Returns the sha256 hex digest Prisma stores in `_prisma_migrations.checksum`. */
export function computeChecksum(script: string | Uint8Array): string {
  return createHash("sha256").update(script).digest("hex");
}

/** Reads the migration folders in name order (the order Prisma applies them); none when the folder is missing. */
export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const bytes = await readFile(file).catch(() => {
        throw new MigrationError("INVALID_MIGRATION_DIR", `Migration folder ${name} has no readable migration.sql (${file}).`);
      });
      return { name, sql: bytes.toString("utf8"), checksum: computeChecksum(bytes) };
    }),
  );
}

/**
 * Applies the pending migrations of `migrationsDir` to `target` in name order, each in its own
 * transaction, recording them in `_prisma_migrations` as Prisma does; returns the names applied.
 */
export async function applyMigrations(target: SqlTarget, migrationsDir: string): Promise<string[]> {
  const migrations = await readMigrations(migrationsDir);
  await target.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
  try {
    await target.exec(CREATE_MIGRATIONS_TABLE_SQL);
    // Read the history only once the lock is held, so a concurrent run's work is seen.
    const history = await target.query<HistoryRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, started_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    assertNoFailedMigration(history);
    const applied = new Map(
      history.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => [row.migration_name, row]),
    );
    assertChecksumsMatch(migrations, applied);
    const pending = migrations.filter((migration) => !applied.has(migration.name));
    for (const migration of pending) await applyOneMigration(target, migration);
    return pending.map((migration) => migration.name);
  } finally {
    // A broken connection must not hide the real error; the server drops session locks with it.
    await target.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
  }
}

/** Tells whether a migration script matches a stored checksum, with Prisma's tolerances. */
export function checksumMatches(script: string, storedChecksum: string): boolean {
  // Prisma accepts either line ending (git may convert them) and the unpadded hex that an old
  // engine wrote (prisma/prisma-engines#1887); mirror that so Prisma and we agree on "modified".
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant, "utf8").digest();
    const rendered =
      storedChecksum.length === 64 ? digest.toString("hex") : Array.from(digest, (byte) => byte.toString(16)).join("");
    return rendered === storedChecksum;
  });
}

function assertNoFailedMigration(history: HistoryRow[]): void {
  const failed = history.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed.length === 0) return;
  const names = failed.map((row) => row.migration_name).join(", ");
  throw new MigrationError(
    "FAILED_MIGRATION_RECORDED",
    `_prisma_migrations records a failed migration (${names}): it started but never finished. ` +
      `Nothing more will be applied until it is resolved. Repair the database by hand, then mark it rolled back ` +
      `(UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '<name>' AND finished_at IS NULL), ` +
      `or run \`prisma migrate resolve\` where the native engine is available.`,
  );
}

function assertChecksumsMatch(migrations: MigrationFile[], applied: Map<string, HistoryRow>): void {
  const modified = migrations.filter((migration) => {
    const row = applied.get(migration.name);
    return row !== undefined && !checksumMatches(migration.sql, row.checksum);
  });
  if (modified.length === 0) return;
  const details = modified
    .map((migration) => `  ${migration.name}: recorded ${applied.get(migration.name)?.checksum}, file now ${migration.checksum}`)
    .join("\n");
  throw new MigrationError(
    "CHECKSUM_MISMATCH",
    `These migrations were modified after they were applied:\n${details}\n` +
      `Restore their migration.sql as applied, and put the change in a new migration instead.`,
  );
}

async function applyOneMigration(target: SqlTarget, migration: MigrationFile): Promise<void> {
  await target.exec("BEGIN");
  try {
    await target.exec(migration.sql);
    await target.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await target.exec("COMMIT");
  } catch (error) {
    await target.exec("ROLLBACK").catch(() => undefined);
    // Nothing is recorded for a failure: the transaction left the database as it was, so there
    // is nothing to resolve by hand, unlike Prisma's half-applied failures.
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError("MIGRATION_FAILED", `Migration ${migration.name} failed and was rolled back: ${reason}`, {
      cause: error,
    });
  }
}
