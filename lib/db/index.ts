import "server-only";
import { openDatabase, resolveDatabaseTarget, type DatabaseConnection } from "./connection";

// One connection per process: Next.js re-evaluates modules on hot reload in development, and
// PGlite allows only one instance per data folder, so the connection lives on globalThis.
const globalForDb = globalThis as unknown as { marginalDb?: DatabaseConnection };

/** The process's database connection, opened on first use. */
export function getConnection(): DatabaseConnection {
  globalForDb.marginalDb ??= openDatabase(resolveDatabaseTarget());
  return globalForDb.marginalDb;
}

/** The Prisma client for whichever database is configured. */
export const db = new Proxy({} as DatabaseConnection["prisma"], {
  get: (_target, property) => {
    const prisma = getConnection().prisma;
    const value = Reflect.get(prisma, property);
    return typeof value === "function" ? value.bind(prisma) : value;
  },
});

/** Runs one parameterized statement through the driver, bypassing Prisma (hot paths only). */
export function queryRaw<Row>(text: string, params: unknown[]): Promise<Row[]> {
  return getConnection().query<Row>(text, params);
}

export type { DatabaseConnection } from "./connection";
export { Prisma } from "./generated/client";
export type { Role } from "./generated/client";
