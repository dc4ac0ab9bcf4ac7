import { AppError } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { unstorableTextError } from "@/lib/http/unstorable-text";
import { MAX_IMPORT_BYTES } from "./schemas";
import type { ImportInput } from "./types";

const CSV_TYPES = new Set(["text/csv", "application/csv", "text/plain"]);

function invalid(message: string, path = "(body)"): AppError {
  return new AppError("INVALID_INPUT", message, { issues: [{ path, message }] });
}

function tooLarge(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The file must be at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB; split it into smaller files`);
}

/** A CSV file's bytes as text: 413 past 5 MB, 400 when they are not UTF-8 (a leading BOM is dropped). */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid("The file is not UTF-8 text; save it as “CSV UTF-8” and try again");
  }
  // PostgreSQL cannot store a NUL: name its physical line, as the CSV reader numbers lines.
  const nul = text.indexOf("\u0000");
  if (nul >= 0) throw unstorableTextError(`line ${text.slice(0, nul).split(/\r\n|\r|\n/).length}`);
  return text;
}

async function readCsvBody(req: Request): Promise<string> {
  if (Number(req.headers.get("content-length") ?? "0") > MAX_IMPORT_BYTES) throw tooLarge();
  return decodeCsvBytes(new Uint8Array(await req.arrayBuffer()));
}

/**
 * Reads an import body: raw CSV (`text/csv`), or JSON `{ "csv": "...", "mapping"?: {...} }` or
 * `{ "<jsonField>": [ rows ] }`. 413 past 5 MB, 400 for anything else.
 */
export async function readImportBody(req: Request, jsonField: string): Promise<ImportInput> {
  const mediaType = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (CSV_TYPES.has(mediaType)) return { format: "csv", text: await readCsvBody(req) };
  if (mediaType !== "application/json" && !mediaType.endsWith("+json")) {
    throw invalid(`Send the file as text/csv, or as JSON ({ "csv": "...", "mapping"?: {...} } or { "${jsonField}": [...] })`, "content-type");
  }
  const body = await readJsonBody(req, MAX_IMPORT_BYTES);
  const object = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  if (object && typeof object.csv === "string") {
    return { format: "csv", text: object.csv, mapping: object.mapping ?? undefined };
  }
  const rows = object?.[jsonField];
  if (Array.isArray(rows)) {
    if (rows.length === 0) throw invalid(`"${jsonField}" is empty`, jsonField);
    return { format: "json", rows };
  }
  throw invalid(`The body must be { "csv": "...", "mapping"?: {...} } or { "${jsonField}": [...] }`);
}
