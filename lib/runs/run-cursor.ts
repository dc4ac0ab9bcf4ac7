import { AppError } from "@/lib/errors/app-error";
import { RUN_SORTS, type RunSort } from "./schemas";

/** Where a page ended: the sort, the last run's sort key and its run id (the tie-breaker). */
export type RunCursor = { sort: RunSort; key: string; runId: string };

/** The opaque cursor for the next page. */
export function encodeRunCursor(cursor: RunCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.runId]), "utf8").toString("base64url");
}

const invalidCursor = (message: string) => new AppError("INVALID_INPUT", `Invalid input: cursor: ${message}`, { issues: [{ path: "cursor", message }] });

/** Reads a cursor back, refusing one that is malformed or was made for another sort. */
export function decodeRunCursor(text: string, sort: RunSort): RunCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor("is not a cursor this API returned");
  }
  if (!Array.isArray(value) || value.length !== 3 || !value.every((v) => typeof v === "string")) throw invalidCursor("is not a cursor this API returned");
  const [cursorSort, key, runId] = value as [string, string, string];
  if (!(RUN_SORTS as readonly string[]).includes(cursorSort)) throw invalidCursor("is not a cursor this API returned");
  if (cursorSort !== sort) throw invalidCursor(`was made for sort=${cursorSort}; keep the same sort while paging`);
  const valid = sort === "cost" ? /^\d{1,10}(\.\d{1,10})?$/.test(key) : sort === "steps" ? /^\d{1,10}$/.test(key) : !Number.isNaN(Date.parse(key));
  if (!valid) throw invalidCursor("is not a cursor this API returned");
  return { sort, key, runId };
}
