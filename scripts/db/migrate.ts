// `npm run db:migrate [-- --migrations <dir>]`: applies pending migrations to the configured
// database (DATABASE_URL, else PGlite in MARGINAL_DATA_DIR ?? .data/pglite).
import { parseArgs } from "node:util";
import { applyMigrations } from "../../lib/db/migrations/apply-migrations";
import { openSqlTarget } from "../../lib/db/migrations/open-sql-target";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { migrations: { type: "string", default: "prisma/migrations" } } });
  const target = await openSqlTarget();
  try {
    const applied = await applyMigrations(target, values.migrations);
    if (applied.length === 0) {
      console.log(`No pending migrations (${target.label}).`);
      return;
    }
    console.log(`Applied ${applied.length} migration(s) to ${target.label}:`);
    for (const name of applied) console.log(`  ${name}`);
  } finally {
    await target.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
