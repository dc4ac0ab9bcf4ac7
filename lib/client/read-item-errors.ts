import type { ServerItemError } from "./types";

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The server's per-item errors from a 207/400 body: `errors[]` (SPEC 2.1) or field `issues[]` whose path starts `<key>.<index>`. */
export function readItemErrors(body: unknown, bodyKey: string, batchLength: number): ServerItemError[] {
  const record = asRecord(body);
  if (!record) return [];
  const found: ServerItemError[] = [];
  if (Array.isArray(record.errors)) {
    for (const entry of record.errors) {
      const e = asRecord(entry);
      if (!e || typeof e.index !== "number" || e.index < 0 || e.index >= batchLength) continue;
      found.push({ index: e.index, ...(typeof e.id === "string" ? { id: e.id } : {}), message: String(e.message ?? "rejected") });
    }
  }
  if (found.length === 0 && Array.isArray(record.issues)) {
    for (const entry of record.issues) {
      const issue = asRecord(entry);
      if (!issue) continue;
      const path = Array.isArray(issue.path) ? issue.path.map(String) : String(issue.path ?? "").split(".");
      const index = Number(path[1]);
      if (path[0] !== bodyKey || !Number.isInteger(index) || index < 0 || index >= batchLength) continue;
      const field = path.slice(2).join(".");
      found.push({ index, message: field ? `${field}: ${String(issue.message)}` : String(issue.message) });
    }
  }
  return found;
}

/** The `error` message of an error body, if it has one. */
export function readErrorMessage(body: unknown): string | null {
  const record = asRecord(body);
  return record && typeof record.error === "string" ? record.error : null;
}
