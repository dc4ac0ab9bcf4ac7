import { gunzipSync } from "node:zlib";
import { AppError } from "@/lib/errors/app-error";
import { toFieldIssues } from "@/lib/errors/zod-issues";
import { readJsonBody } from "@/lib/http/read-json-body";
import { findUnstorableText, unstorableTextError } from "@/lib/http/unstorable-text";
import { MAX_BODY_BYTES } from "@/lib/ingest/schemas";
import { decodeTraceRequestProtobuf } from "./decode-trace-request";
import { ProtobufDecodeError } from "./protobuf-wire";
import { exportTraceRequestSchema, type ExportTraceRequest } from "./schemas";

/** The two OTLP/HTTP encodings; the response must use the request's. */
export type TraceRequestFormat = "json" | "protobuf";

/** How a request's body is encoded, or why it cannot be read (answered 415). */
export type TraceRequestEncoding = { format: TraceRequestFormat; gzip: boolean } | { unsupported: string };

/** Reads Content-Type and Content-Encoding; a missing Content-Type is taken as JSON. */
export function detectTraceRequestEncoding(headers: Headers): TraceRequestEncoding {
  const contentType = (headers.get("content-type") ?? "application/json").split(";")[0].trim().toLowerCase();
  const encoding = (headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  const format: TraceRequestFormat | null =
    contentType === "application/json" ? "json" : contentType === "application/x-protobuf" || contentType === "application/protobuf" ? "protobuf" : null;
  if (!format) return { unsupported: `Content-Type must be application/json or application/x-protobuf (OTLP/HTTP), not ${contentType}` };
  if (encoding !== "identity" && encoding !== "gzip" && encoding !== "x-gzip") return { unsupported: `Content-Encoding must be gzip or none, not ${encoding}` };
  return { format, gzip: encoding !== "identity" };
}

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The body must be at most ${MAX_BODY_BYTES / (1024 * 1024)} MB`);

async function readBodyBytes(req: Request, gzip: boolean): Promise<Uint8Array> {
  if (Number(req.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) throw tooLarge();
  if (!gzip) return bytes;
  try {
    // The limit applies to the inflated body too, so a small bomb cannot take the memory.
    return new Uint8Array(gunzipSync(bytes, { maxOutputLength: MAX_BODY_BYTES }));
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
    throw new AppError("INVALID_INPUT", "The body is not valid gzip", { issues: [{ path: "(body)", message: "is not valid gzip" }] });
  }
}

async function readUntypedBody(req: Request, encoding: { format: TraceRequestFormat; gzip: boolean }): Promise<unknown> {
  if (encoding.format === "json" && !encoding.gzip) return readJsonBody(req, MAX_BODY_BYTES);
  const bytes = await readBodyBytes(req, encoding.gzip);
  if (encoding.format === "json") {
    try {
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new AppError("INVALID_INPUT", "The body is not valid JSON", { issues: [{ path: "(body)", message: "is not valid JSON" }] });
    }
  }
  try {
    return decodeTraceRequestProtobuf(bytes);
  } catch (error) {
    if (!(error instanceof ProtobufDecodeError)) throw error;
    throw new AppError("INVALID_INPUT", `The body is not a protobuf ExportTraceServiceRequest: ${error.message}`, {
      issues: [{ path: "(body)", message: error.message }],
    });
  }
}

/** Reads an OTLP trace export in either encoding: 400 when it is not one, 413 past 5 MB. */
export async function readTraceRequest(req: Request, encoding: { format: TraceRequestFormat; gzip: boolean }): Promise<ExportTraceRequest> {
  const body = await readUntypedBody(req, encoding);
  // Gzip and protobuf bodies skip readJsonBody's check of text PostgreSQL cannot store.
  const unstorablePath = findUnstorableText(body);
  if (unstorablePath) throw unstorableTextError(unstorablePath);
  const parsed = exportTraceRequestSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = toFieldIssues(parsed.error).slice(0, 10);
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  throw new AppError("INVALID_INPUT", `The body is not an OTLP ExportTraceServiceRequest: ${summary}`, { issues });
}
