import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { toFieldIssues } from "@/lib/errors/zod-issues";
import { isDatabaseUnavailable, isUnstorableTextRefusal } from "./error-response";
import { UNSTORABLE_TEXT_MESSAGE } from "./unstorable-text";

/** What a server action returns to a form: data, or a message and errors per field. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors: Record<string, string> };

/** Maps an error to an ActionResult once, as the route wrapper does for JSON. */
export function toActionError(error: unknown): { ok: false; error: string; fieldErrors: Record<string, string> } {
  if (error instanceof AppError || error instanceof z.ZodError) {
    const issues = error instanceof AppError ? (error.issues ?? []) : toFieldIssues(error);
    const fieldErrors = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    return { ok: false, error: error instanceof AppError ? error.message : "Invalid input", fieldErrors };
  }
  if (isUnstorableTextRefusal(error)) return { ok: false, error: `Text ${UNSTORABLE_TEXT_MESSAGE}; nothing was changed`, fieldErrors: {} };
  if (isDatabaseUnavailable(error)) return { ok: false, error: "The database is unavailable; try again shortly", fieldErrors: {} };
  console.error(error);
  return { ok: false, error: "Something went wrong on our side; nothing was changed", fieldErrors: {} };
}
