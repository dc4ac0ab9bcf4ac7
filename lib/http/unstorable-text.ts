import { AppError } from "@/lib/errors/app-error";

// PostgreSQL cannot store U+0000 in text or jsonb, and jsonb refuses an unpaired UTF-16 surrogate
// (which JSON's \ud800 escape can carry). With the `u` flag, \p{Cs} matches only unpaired ones.
const UNSTORABLE = /\u0000|\p{Cs}/u;

/** Whether a string holds a character PostgreSQL cannot store: a NUL, or an unpaired surrogate. */
export function isUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/**
 * The dotted path of a string (value or key) PostgreSQL cannot store, or null; such input must be
 * refused as a client error before it reaches a query. Walks with its own stack: a body may nest
 * deeper than the call stack.
 */
export function findUnstorableText(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === "string") {
      if (isUnstorableText(item)) return path || "(body)";
    } else if (typeof item === "object" && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        const childPath = path ? `${path}.${key}` : key;
        if (isUnstorableText(key)) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}

/** What is wrong with such text, after the field's path. */
export const UNSTORABLE_TEXT_MESSAGE = "must not contain a NUL character (\\u0000) or an unpaired surrogate (\\ud800-\\udfff)";

/** The 400 for text PostgreSQL cannot store, naming where it is. */
export function unstorableTextError(path: string): AppError {
  const message = UNSTORABLE_TEXT_MESSAGE;
  return new AppError("INVALID_INPUT", `Invalid input: ${path}: ${message}`, { issues: [{ path, message }] });
}
