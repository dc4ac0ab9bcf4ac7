import "server-only";
import { getConnection } from "./index";

/** Whether the configured database answers a query, which kind it is, and how fast. */
export async function checkDatabaseHealth(): Promise<{ ok: boolean; kind: string; latencyMs?: number; error?: string }> {
  const connection = getConnection();
  const started = performance.now();
  try {
    await connection.prisma.$queryRaw`SELECT 1`;
    return { ok: true, kind: connection.target.kind, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, kind: connection.target.kind, error: "The database did not answer" };
  }
}
