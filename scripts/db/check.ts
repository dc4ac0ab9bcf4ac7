// `npm run db:check [-- --schema <file> --migrations <dir>]`: exits 1, printing the missing SQL,
// when schema.prisma describes something the migrations do not produce. CI runs it.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { readMigrations } from "../../lib/db/migrations/apply-migrations";
import { diffSchema } from "../../lib/db/migrations/diff-schema";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      schema: { type: "string", default: "prisma/schema.prisma" },
      migrations: { type: "string", default: "prisma/migrations" },
    },
  });
  const lockProblem = await findLockfileProblem(values.migrations);
  if (lockProblem) {
    console.error(lockProblem);
    process.exitCode = 1;
    return;
  }
  const diff = await diffSchema({ schemaPath: values.schema, migrationsDir: values.migrations });
  if (diff.isEmpty) {
    console.log(`in sync: ${values.schema} matches ${values.migrations}`);
    return;
  }
  console.log(`${values.schema} and ${values.migrations} disagree. The migrations lack this SQL:\n`);
  console.log(diff.sql.trimEnd());
  console.log(`\nRecord it with: npm run db:new-migration -- <name>`);
  process.exitCode = 1;
}

// `prisma migrate deploy` refuses a folder whose lock names another provider.
async function findLockfileProblem(migrationsDir: string): Promise<string | undefined> {
  if ((await readMigrations(migrationsDir)).length === 0) return undefined;
  const lockfile = path.join(migrationsDir, "migration_lock.toml");
  const content = await readFile(lockfile, "utf8").catch(() => undefined);
  if (content === undefined) return `${lockfile} is missing; it must say provider = "postgresql".`;
  if (!/^provider\s*=\s*"postgresql"\s*$/m.test(content)) return `${lockfile} must say provider = "postgresql".`;
  return undefined;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
