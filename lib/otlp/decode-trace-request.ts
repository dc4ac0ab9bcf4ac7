import { bytesToHex } from "./otlp-ids";
import { ProtobufDecodeError, ProtobufReader, WireType } from "./protobuf-wire";

// Field numbers from opentelemetry-proto: collector/trace/v1/trace_service.proto,
// trace/v1/trace.proto, common/v1/common.proto, resource/v1/resource.proto.

type Json = Record<string, unknown>;

// AnyValue nests (arrays, key-value lists); a hostile body must not exhaust the stack.
const MAX_VALUE_DEPTH = 32;

/**
 * Decodes a protobuf `ExportTraceServiceRequest` into the shape of its OTLP JSON encoding
 * (hex ids, 64-bit integers as decimal strings), so both encodings share one schema and one
 * converter. Throws ProtobufDecodeError when the body is not well-formed.
 */
export function decodeTraceRequestProtobuf(body: Uint8Array): Json {
  const resourceSpans: Json[] = [];
  readFields(body, (r, field, wireType) => {
    if (field === 1 && wireType === WireType.LEN) resourceSpans.push(decodeResourceSpans(r.readBytes()));
    else return false;
  });
  return { resourceSpans };
}

/** Calls `onField` for each field; a handler returning false has not read it, so it is skipped. */
function readFields(bytes: Uint8Array, onField: (reader: ProtobufReader, field: number, wireType: number) => boolean | void): void {
  const reader = new ProtobufReader(bytes);
  while (!reader.atEnd()) {
    const { field, wireType } = reader.readTag();
    if (onField(reader, field, wireType) === false) reader.skip(wireType);
  }
}

function decodeResourceSpans(bytes: Uint8Array): Json {
  const scopeSpans: Json[] = [];
  let attributes: Json[] = [];
  readFields(bytes, (r, field, wireType) => {
    if (wireType !== WireType.LEN) return false;
    if (field === 1) attributes = decodeResource(r.readBytes());
    else if (field === 2) scopeSpans.push(decodeScopeSpans(r.readBytes()));
    else return false;
  });
  return { resource: { attributes }, scopeSpans };
}

function decodeResource(bytes: Uint8Array): Json[] {
  const attributes: Json[] = [];
  readFields(bytes, (r, field, wireType) => {
    if (field === 1 && wireType === WireType.LEN) attributes.push(decodeKeyValue(r.readBytes(), 0));
    else return false;
  });
  return attributes;
}

function decodeScopeSpans(bytes: Uint8Array): Json {
  const spans: Json[] = [];
  const scope: Json = {};
  readFields(bytes, (r, field, wireType) => {
    if (wireType !== WireType.LEN) return false;
    if (field === 1) {
      readFields(r.readBytes(), (s, f, w) => {
        if (w !== WireType.LEN || (f !== 1 && f !== 2)) return false;
        scope[f === 1 ? "name" : "version"] = s.readString();
      });
    } else if (field === 2) spans.push(decodeSpan(r.readBytes()));
    else return false;
  });
  return { scope, spans };
}

function decodeSpan(bytes: Uint8Array): Json {
  const span: Json = {};
  const attributes: Json[] = [];
  readFields(bytes, (r, field, wireType) => {
    if (wireType === WireType.LEN) {
      if (field === 1) span.traceId = bytesToHex(r.readBytes());
      else if (field === 2) span.spanId = bytesToHex(r.readBytes());
      else if (field === 4) span.parentSpanId = bytesToHex(r.readBytes());
      else if (field === 5) span.name = r.readString();
      else if (field === 9) attributes.push(decodeKeyValue(r.readBytes(), 0));
      else if (field === 15) span.status = decodeStatus(r.readBytes());
      else return false;
    } else if (wireType === WireType.I64 && (field === 7 || field === 8)) {
      span[field === 7 ? "startTimeUnixNano" : "endTimeUnixNano"] = r.readFixed64().toString();
    } else if (wireType === WireType.VARINT && field === 6) {
      span.kind = r.readVarintNumber();
    } else return false;
  });
  span.attributes = attributes;
  return span;
}

function decodeStatus(bytes: Uint8Array): Json {
  const status: Json = {};
  readFields(bytes, (r, field, wireType) => {
    if (field === 2 && wireType === WireType.LEN) status.message = r.readString();
    else if (field === 3 && wireType === WireType.VARINT) status.code = r.readVarintNumber();
    else return false;
  });
  return status;
}

function decodeKeyValue(bytes: Uint8Array, depth: number): Json {
  const kv: Json = { key: "" };
  readFields(bytes, (r, field, wireType) => {
    if (wireType !== WireType.LEN) return false;
    if (field === 1) kv.key = r.readString();
    else if (field === 2) kv.value = decodeAnyValue(r.readBytes(), depth + 1);
    else return false;
  });
  return kv;
}

function decodeAnyValue(bytes: Uint8Array, depth: number): Json {
  if (depth > MAX_VALUE_DEPTH) throw new ProtobufDecodeError("attribute values nested too deeply");
  let value: Json = {};
  readFields(bytes, (r, field, wireType) => {
    if (field === 1 && wireType === WireType.LEN) value = { stringValue: r.readString() };
    else if (field === 2 && wireType === WireType.VARINT) value = { boolValue: r.readVarintBigInt() !== 0n };
    else if (field === 3 && wireType === WireType.VARINT) value = { intValue: BigInt.asIntN(64, r.readVarintBigInt()).toString() };
    else if (field === 4 && wireType === WireType.I64) value = { doubleValue: r.readDouble() };
    else if (field === 5 && wireType === WireType.LEN) value = { arrayValue: { values: decodeValues(r.readBytes(), depth, (b) => decodeAnyValue(b, depth + 1)) } };
    else if (field === 6 && wireType === WireType.LEN) value = { kvlistValue: { values: decodeValues(r.readBytes(), depth, (b) => decodeKeyValue(b, depth)) } };
    else if (field === 7 && wireType === WireType.LEN) value = { bytesValue: Buffer.from(r.readBytes()).toString("base64") };
    else return false;
  });
  return value;
}

// ArrayValue and KeyValueList both hold their items in field 1.
function decodeValues(bytes: Uint8Array, depth: number, decodeItem: (bytes: Uint8Array) => Json): Json[] {
  if (depth > MAX_VALUE_DEPTH) throw new ProtobufDecodeError("attribute values nested too deeply");
  const values: Json[] = [];
  readFields(bytes, (r, field, wireType) => {
    if (field === 1 && wireType === WireType.LEN) values.push(decodeItem(r.readBytes()));
    else return false;
  });
  return values;
}
