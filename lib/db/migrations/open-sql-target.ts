import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** One database connection that migration tooling talks plain SQL to. */
export interface SqlTarget {
  /** "postgres" for a PostgreSQL server, "pglite" for embedded PGlite. */
  readonly kind: "postgres" | "pglite";
  /** Where it points, for messages: the server URL without its password, or the data folder. */
  readonly label: string;
  /** Runs one or more statements without parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterized statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Closes the connection (and, for PGlite opened here, the database). */
  close(): Promise<void>;
}

/** Which database to open; with none set, the environment decides as it does for the app. */
export interface OpenSqlTargetOptions {
  /** A PostgreSQL server URL; wins over everything else. */
  databaseUrl?: string;
  /** A throwaway PGlite database in memory. */
  inMemory?: boolean;
  /** PGlite's data folder (created if missing). */
  dataDir?: string;
}

/**
 * Opens the database the app would use: explicit options first, then `DATABASE_URL` (a server),
 * then PGlite in `MARGINAL_DATA_DIR ?? ".data/pglite"`.
 */
export async function openSqlTarget(opts: OpenSqlTargetOptions = {}): Promise<SqlTarget> {
  const databaseUrl = opts.databaseUrl ?? (opts.inMemory || opts.dataDir ? undefined : process.env.DATABASE_URL);
  if (databaseUrl) return openPostgresTarget(databaseUrl);
  if (opts.inMemory) return wrapPgliteTarget(await PGlite.create(), { label: "PGlite (in memory)", ownsDatabase: true });
  const dataDir = opts.dataDir ?? process.env.MARGINAL_DATA_DIR ?? ".data/pglite";
  mkdirSync(dataDir, { recursive: true });
  return wrapPgliteTarget(await PGlite.create(dataDir), { label: `PGlite (${dataDir})`, ownsDatabase: true });
}

/** Wraps an open PGlite database; `ownsDatabase: false` leaves it open on close(). */
export function wrapPgliteTarget(db: PGlite, opts: { label?: string; ownsDatabase?: boolean } = {}): SqlTarget {
  return {
    kind: "pglite",
    label: opts.label ?? "PGlite",
    async exec(sql) {
      await db.exec(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await db.query<Row>(sql, params);
      return result.rows;
    },
    async close() {
      if (opts.ownsDatabase ?? false) await db.close();
    },
  };
}

// A single Client rather than a Pool: the advisory lock and the transactions of a migration run
// belong to one session, so every statement must go over the same connection.
async function openPostgresTarget(databaseUrl: string): Promise<SqlTarget> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    kind: "postgres",
    label: redactUrl(databaseUrl),
    async exec(sql) {
      await client.query(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return result.rows as Row[];
    },
    async close() {
      await client.end();
    },
  };
}

function redactUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "PostgreSQL server";
  }
}
