import { encodeBytesField, encodeVarintField } from "./protobuf-wire";
import type { RejectedSpan } from "./spans-to-events";

/** OTLP's `ExportTracePartialSuccess`: how many spans were rejected and why. */
export type PartialSuccess = { rejectedSpans: number; errorMessage: string };

const MAX_LISTED = 20;

/** The partial success to report for rejected spans; null when none was rejected. */
export function toPartialSuccess(rejected: readonly RejectedSpan[]): PartialSuccess | null {
  if (rejected.length === 0) return null;
  const listed = rejected.slice(0, MAX_LISTED).map((r) => `span ${r.spanId}: ${r.message}`);
  const more = rejected.length > MAX_LISTED ? `; and ${rejected.length - MAX_LISTED} more` : "";
  return { rejectedSpans: rejected.length, errorMessage: `${listed.join("; ")}${more}` };
}

/** The JSON `ExportTraceServiceResponse`: `{}` when all was accepted. */
export function exportTraceResponseJson(partial: PartialSuccess | null): Record<string, unknown> {
  // int64 is a decimal string in proto3 JSON.
  return partial ? { partialSuccess: { rejectedSpans: String(partial.rejectedSpans), errorMessage: partial.errorMessage } } : {};
}

/** The protobuf `ExportTraceServiceResponse`: empty when all was accepted. */
export function exportTraceResponseProtobuf(partial: PartialSuccess | null): Uint8Array {
  if (!partial) return new Uint8Array(0);
  const inner = [...encodeVarintField(1, partial.rejectedSpans), ...encodeBytesField(2, new TextEncoder().encode(partial.errorMessage))];
  return Uint8Array.from(encodeBytesField(1, inner));
}
