import { readFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { SchemaEngineWasm } from "@prisma/migrate";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyMigrations } from "./apply-migrations";
import { wrapPgliteTarget } from "./open-sql-target";

/** The two sides of the comparison. */
export interface DiffSchemaOptions {
  /** The Prisma schema file to reach. */
  schemaPath: string;
  /** The migrations folder to start from. */
  migrationsDir: string;
}

/** What the migrations lack to reach the schema. */
export interface SchemaDiff {
  /** True when the migrations already produce exactly what the schema describes. */
  isEmpty: boolean;
  /** The SQL migration script from the migrated database to the schema ("" when empty). */
  sql: string;
}

/**
 * Computes the SQL that takes a database with every migration of `migrationsDir` applied to the
 * state `schemaPath` describes, using Prisma's WebAssembly schema engine on a scratch in-memory PGlite.
 */
export async function diffSchema(opts: DiffSchemaOptions): Promise<SchemaDiff> {
  const schemaPath = path.resolve(opts.schemaPath);
  const files = [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }];
  const scratch = await PGlite.create();
  try {
    await applyMigrations(wrapPgliteTarget(scratch), opts.migrationsDir);
    // The engine introspects the "datasource" through the adapter, i.e. this same scratch
    // database; it leaves `_prisma_migrations` out of the comparison by itself.
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(scratch));
    const engine = await setupSchemaEngine(adapter);
    try {
      const { result, output } = await captureStdout(() =>
        engine.migrateDiff({
          from: { tag: "schemaDatasource", files, configDir: path.dirname(schemaPath) },
          to: { tag: "schemaDatamodel", files },
          script: true,
          // With exitCode set the engine answers 2 for "there is a difference" and 0 for none.
          exitCode: true,
          filters: { externalTables: [], externalEnums: [] },
        }),
      );
      if (result.exitCode === 0) return { isEmpty: true, sql: "" };
      if (result.exitCode === 2) return { isEmpty: false, sql: output };
      throw new Error(`The schema engine's diff ended with exit code ${result.exitCode}: ${output}`);
    } finally {
      await engine.stop();
    }
  } finally {
    await scratch.close();
  }
}

async function setupSchemaEngine(adapter: Parameters<typeof SchemaEngineWasm.setup>[0]["adapter"]): Promise<SchemaEngineWasm> {
  try {
    return await SchemaEngineWasm.setup({ adapter });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT" ? (error as NodeJS.ErrnoException).path : undefined;
    if (missing?.endsWith("schema_engine_bg.wasm")) {
      // npm install puts it there (scripts/prisma-generate.mjs); `--ignore-scripts` skips that.
      throw new Error(`Prisma's WebAssembly schema engine is missing at ${missing}; run \`node scripts/prisma-generate.mjs\`.`, {
        cause: error,
      });
    }
    throw error;
  }
}

// SchemaEngineWasm.migrateDiff writes the script to process.stdout and returns only the exit code;
// Prisma's own CLI captures stdout the same way for `migrate diff --output`.
async function captureStdout<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
  const originalWrite = process.stdout.write;
  const chunks: string[] = [];
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = rest.find((arg): arg is () => void => typeof arg === "function");
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  try {
    const result = await run();
    return { result, output: chunks.join("") };
  } finally {
    process.stdout.write = originalWrite;
  }
}
