import type { z } from "zod";
import { AppError, type FieldIssue } from "./app-error";

/** Zod's issues as field issues, each naming the field by its dotted path. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
}

/** Parses input with a schema, throwing INVALID_INPUT that names each bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  throw new AppError("INVALID_INPUT", `Invalid input: ${summary}`, { issues });
}
