import path from "node:path";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
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
  close: () => Promise<void>;
};

/** Opens a Prisma client on the target through the matching driver adapter. */
export function openDatabase(target: DatabaseTarget): DatabaseConnection {
  if (target.kind === "postgresql") {
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
    });
    return { target, prisma, close: () => prisma.$disconnect() };
  }
  if (!target.dataDir.startsWith("memory://")) mkdirSync(target.dataDir, { recursive: true });
  const pglite = new PGlite(target.dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    target,
    prisma,
    pglite,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
