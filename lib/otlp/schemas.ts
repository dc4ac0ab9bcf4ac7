import { z } from "zod";

// OTLP/HTTP JSON (proto3 JSON mapping with OTLP's deviations): lowerCamelCase keys, hex ids,
// 64-bit integers as decimal strings (numbers accepted), enums as integers. Unknown fields are
// ignored, as receivers must. Fields may be absent or null (proto3 defaults).
// Attribute values are left as they came: they are read leniently where they matter, so one
// odd attribute on an unrelated span does not fail a whole export.

const int64 = z.union([z.string(), z.number()]).nullish();

/** One `{ key, value }` attribute; the value is an AnyValue read by `attribute-values.ts`. */
export const keyValueSchema = z.object({ key: z.string(), value: z.unknown().optional() });

const attributes = z.array(keyValueSchema).nullish();

/** A span as OTLP JSON carries it (only the fields Marginal reads). */
export const otlpSpanSchema = z.object({
  traceId: z.string().nullish(),
  spanId: z.string().nullish(),
  parentSpanId: z.string().nullish(),
  name: z.string().nullish(),
  kind: z.union([z.number(), z.string()]).nullish(),
  startTimeUnixNano: int64,
  endTimeUnixNano: int64,
  attributes,
  status: z.object({ code: z.union([z.number(), z.string()]).nullish(), message: z.string().nullish() }).nullish(),
});

const scopeSpansSchema = z.object({
  scope: z.object({ name: z.string().nullish(), version: z.string().nullish() }).nullish(),
  spans: z.array(otlpSpanSchema).nullish(),
});

const resourceSpansSchema = z.object({
  resource: z.object({ attributes }).nullish(),
  scopeSpans: z.array(scopeSpansSchema).nullish(),
});

/** An OTLP `ExportTraceServiceRequest` (`POST /v1/traces`), JSON encoding. */
export const exportTraceRequestSchema = z.object({ resourceSpans: z.array(resourceSpansSchema).nullish() });

export type OtlpKeyValue = z.output<typeof keyValueSchema>;
export type OtlpSpan = z.output<typeof otlpSpanSchema>;
export type ExportTraceRequest = z.output<typeof exportTraceRequestSchema>;
