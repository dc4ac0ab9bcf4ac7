import { AppError } from "@/lib/errors/app-error";
import { findUnstorableText, unstorableTextError } from "./unstorable-text";

/**
 * Reads a JSON body no larger than `maxBytes`: 413 past the limit, 400 when it is not JSON. Also
 * says whether it may hold text PostgreSQL cannot store (only an escape, \u0000 or \ud800, brings
 * one: decoded bytes never do), so a batch can check its items one by one only then.
 */
export async function readJsonBodyText(req: Request, maxBytes: number): Promise<{ body: unknown; mayHoldUnstorableText: boolean }> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The body must be at most ${maxBytes / (1024 * 1024)} MB`);
  if (declared > maxBytes) throw tooLarge();
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw tooLarge();
  const text = new TextDecoder().decode(bytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The body is not valid JSON", { issues: [{ path: "(body)", message: "is not valid JSON" }] });
  }
  return { body, mayHoldUnstorableText: /\\u(0000|d[89a-f])/i.test(text) };
}

/** Reads a JSON body as `readJsonBodyText` does, with 400 (naming where) for text PostgreSQL cannot store. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const { body, mayHoldUnstorableText } = await readJsonBodyText(req, maxBytes);
  const unstorablePath = mayHoldUnstorableText ? findUnstorableText(body) : null;
  if (unstorablePath) throw unstorableTextError(unstorablePath);
  return body;
}

/** The array under `field` of a JSON body, with 400 when it is missing or empty and 413 past `max` items. */
export function readBatch(body: unknown, field: string, max: number): unknown[] {
  const items = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  if (!Array.isArray(items)) {
    throw new AppError("INVALID_INPUT", `The body must be an object with a "${field}" array`, { issues: [{ path: field, message: "must be an array" }] });
  }
  if (items.length === 0) throw new AppError("INVALID_INPUT", `"${field}" is empty`, { issues: [{ path: field, message: `must hold 1 to ${max} items` }] });
  if (items.length > max) throw new AppError("PAYLOAD_TOO_LARGE", `At most ${max} ${field} per request; split the batch`);
  return items;
}
