import { NextResponse } from "next/server";
import { checkDatabaseHealth } from "@/lib/db/check-health";

export const dynamic = "force-dynamic";

/** Liveness and the database: 200 when it answers, 503 when it does not. */
export async function GET() {
  const database = await checkDatabaseHealth();
  return NextResponse.json({ status: database.ok ? "ok" : "degraded", database }, { status: database.ok ? 200 : 503 });
}
