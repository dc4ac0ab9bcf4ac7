import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { toFieldIssues } from "@/lib/errors/zod-issues";
import { UNSTORABLE_TEXT_MESSAGE } from "./unstorable-text";

/** Whether an error means the database cannot be reached (answered 503, so clients retry). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as { code?: string }).code ?? ""} ${error.message}` : String(error);
  // 57P01-57P03: the server is shutting down, restarting or crashed and cut the connection (e.g. a restart mid-statement).
  return /P1001|P1017|57P0[123]|ECONNREFUSED|ECONNRESET|Connection terminated|connect ETIMEDOUT|the database system is (starting up|shutting down)/i.test(text);
}

/**
 * Whether PostgreSQL refused text it cannot store (a NUL, an unpaired surrogate) that no check
 * caught before the query: the input's fault, so a 400, never a 500.
 */
export function isUnstorableTextRefusal(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as { code?: string }).code ?? ""} ${error.message}` : String(error);
  return /\b22021\b|\b22P05\b|invalid byte sequence for encoding|unsupported Unicode escape sequence|Unicode low surrogate must follow/i.test(text);
}

/** Maps any error to the JSON error body once: AppError by its code, Zod as 400, the rest as 500/503. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
    return NextResponse.json({ error: error.message, ...(error.issues ? { issues: error.issues } : {}) }, { status: error.status, headers });
  }
  if (error instanceof z.ZodError) {
    return NextResponse.json({ error: "Invalid input", issues: toFieldIssues(error) }, { status: 400 });
  }
  if (isUnstorableTextRefusal(error)) {
    return NextResponse.json({ error: `Invalid input: text ${UNSTORABLE_TEXT_MESSAGE}`, issues: [{ path: "(body)", message: UNSTORABLE_TEXT_MESSAGE }] }, { status: 400 });
  }
  if (isDatabaseUnavailable(error)) {
    return NextResponse.json({ error: "The database is unavailable; retry shortly" }, { status: 503, headers: { "Retry-After": "5" } });
  }
  console.error(error);
  return NextResponse.json({ error: "Internal error" }, { status: 500 });
}
