import path from "node:path";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

/** Where the data lives: a PostgreSQL server, or embedded PGlite in a folder (or in memory). */
export type DatabaseTarget =
  | { kind: "postgresql"; url: string }
  | { kind: "pglite"; dataDir: string };

/** The target the environment asks for: `DATABASE_URL` when set, else PGlite in `MARGINAL_DATA_DIR`. */
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: "postgresql", url: env.DATABASE_URL };
  const dataDir = env.MARGINAL_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite");
  return { kind: "pglite", dataDir };
}

/** An open database: the Prisma client plus, for PGlite, the one in-process instance behind it. */
export type DatabaseConnection = {
  target: DatabaseTarget;
  prisma: PrismaClient;
  pglite?: PGlite;
  /**
   * One parameterized statement straight through the driver, for the ingest hot path: Prisma's
   * raw-query layer costs about 28 µs of CPU per event there (docs/benchmarks.md). Numerics and
   * bigints come back as strings, timestamps as Dates.
   */
  query: <Row>(text: string, params: unknown[]) => Promise<Row[]>;
  close: () => Promise<void>;
};

/** Opens a Prisma client on the target through the matching driver adapter. */
export function openDatabase(target: DatabaseTarget): DatabaseConnection {
  if (target.kind === "postgresql") {
    // One pool for Prisma and for the hot path, so the app holds one set of connections.
    // JIT compiles each roll-up aggregation for ~70 ms that these short queries never win back, and
    // 4 MB of work_mem makes their grouping spill to disk; both measured with `npm run bench:queries`.
    const pool = new pg.Pool({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), options: "-c jit=off -c work_mem=32MB" });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      target,
      prisma,
      query: async <Row>(text: string, params: unknown[]) => (await pool.query(text, params)).rows as Row[],
      close: async () => {
        await prisma.$disconnect();
        if (!pool.ended) await pool.end();
      },
    };
  }
  if (!target.dataDir.startsWith("memory://")) mkdirSync(target.dataDir, { recursive: true });
  const pglite = new PGlite(target.dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    target,
    prisma,
    pglite,
    query: async <Row>(text: string, params: unknown[]) => (await pglite.query<Row>(text, params)).rows,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
