import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { getConnection } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { openSqlTarget, wrapPgliteTarget } from "@/lib/db/migrations/open-sql-target";

const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");

/**
 * Gives the test file a fresh, migrated database behind `lib/db`: in-memory PGlite in the unit
 * project, or a new database on the PostgreSQL server at TEST_DATABASE_URL in the integration
 * project (dropped afterwards).
 */
export function withTestDatabase(): void {
  let serverDatabase: { adminUrl: string; name: string } | null = null;

  beforeAll(async () => {
    if (process.env.MARGINAL_TEST_DB === "postgres") {
      const adminUrl = process.env.TEST_DATABASE_URL;
      if (!adminUrl) throw new Error("The integration project needs TEST_DATABASE_URL (npm test starts a server itself)");
      const name = `marginal_t_${randomBytes(6).toString("hex")}`;
      await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
      serverDatabase = { adminUrl, name };
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      process.env.DATABASE_URL = url.toString();
      const target = await openSqlTarget({ databaseUrl: process.env.DATABASE_URL });
      await applyMigrations(target, MIGRATIONS_DIR).finally(() => target.close());
    } else {
      delete process.env.DATABASE_URL;
      process.env.MARGINAL_DATA_DIR = "memory://";
      await applyMigrations(wrapPgliteTarget(getConnection().pglite!), MIGRATIONS_DIR);
    }
  });

  afterAll(async () => {
    await getConnection().close();
    if (serverDatabase) {
      const { adminUrl, name } = serverDatabase;
      await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  });
}

async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
