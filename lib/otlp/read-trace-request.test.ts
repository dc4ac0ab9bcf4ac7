import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { exportTraceResponseJson, toPartialSuccess } from "./export-trace-response";
import { detectTraceRequestEncoding, readTraceRequest } from "./read-trace-request";

const URL = "http://localhost/api/v1/otlp/v1/traces";
const body = { resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "svc" } }] }, scopeSpans: [{ spans: [] }] }] };

function post(bytes: Uint8Array | string, headers: Record<string, string>): Request {
  return new Request(URL, { method: "POST", body: typeof bytes === "string" ? bytes : Buffer.from(bytes), headers });
}

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("detectTraceRequestEncoding", () => {
  it("knows JSON and protobuf, with or without gzip, and takes no Content-Type as JSON", () => {
    const detect = (headers: Record<string, string>) => detectTraceRequestEncoding(new Headers(headers));
    expect(detect({ "content-type": "application/json; charset=utf-8" })).toEqual({ format: "json", gzip: false });
    expect(detect({ "content-type": "application/x-protobuf", "content-encoding": "gzip" })).toEqual({ format: "protobuf", gzip: true });
    expect(detect({})).toEqual({ format: "json", gzip: false });
    expect(detect({ "content-type": "text/plain" })).toEqual({ unsupported: expect.stringContaining("application/json or application/x-protobuf") });
    expect(detect({ "content-type": "application/json", "content-encoding": "br" })).toEqual({ unsupported: expect.stringContaining("gzip") });
  });
});

describe("readTraceRequest", () => {
  it("reads JSON, plain or gzipped", async () => {
    const json = JSON.stringify(body);
    expect(await readTraceRequest(post(json, { "content-type": "application/json" }), { format: "json", gzip: false })).toEqual(body);
    expect(await readTraceRequest(post(gzipSync(json), { "content-type": "application/json", "content-encoding": "gzip" }), { format: "json", gzip: true })).toEqual(body);
  });

  it("reads an empty export", async () => {
    expect(await readTraceRequest(post("{}", {}), { format: "json", gzip: false })).toEqual({});
    expect(await readTraceRequest(post(new Uint8Array(0), {}), { format: "protobuf", gzip: false })).toEqual({ resourceSpans: [] });
  });

  it("answers 400 for a body that is not JSON, not OTLP, not protobuf or not gzip", async () => {
    const notJson = await appErrorOf(readTraceRequest(post("{oops", {}), { format: "json", gzip: false }));
    expect([notJson.status, notJson.message]).toEqual([400, "The body is not valid JSON"]);
    const notOtlp = await appErrorOf(readTraceRequest(post(JSON.stringify({ resourceSpans: [{ scopeSpans: { spans: [] } }] }), {}), { format: "json", gzip: false }));
    expect(notOtlp.status).toBe(400);
    expect(notOtlp.issues).toEqual([{ path: "resourceSpans.0.scopeSpans", message: expect.any(String) }]);
    const array = await appErrorOf(readTraceRequest(post("[]", {}), { format: "json", gzip: false }));
    expect(array.message).toMatch(/^The body is not an OTLP ExportTraceServiceRequest/);
    const notProtobuf = await appErrorOf(readTraceRequest(post(new Uint8Array([0x0a, 0x05, 0x01]), {}), { format: "protobuf", gzip: false }));
    expect([notProtobuf.status, notProtobuf.message]).toEqual([400, "The body is not a protobuf ExportTraceServiceRequest: truncated message"]);
    const notGzip = await appErrorOf(readTraceRequest(post("plain", {}), { format: "json", gzip: true }));
    expect([notGzip.status, notGzip.message]).toEqual([400, "The body is not valid gzip"]);
  });

  it("answers 413 past 5 MB, inflated bodies included", async () => {
    const bomb = gzipSync(Buffer.alloc(6 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(100_000);
    expect((await appErrorOf(readTraceRequest(post(bomb, {}), { format: "json", gzip: true }))).status).toBe(413);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    expect((await appErrorOf(readTraceRequest(post(big, {}), { format: "protobuf", gzip: false }))).status).toBe(413);
  });
});

describe("exportTraceResponseJson", () => {
  it("is {} when all was accepted, and lists the reasons with the count as an int64 string otherwise", () => {
    expect(exportTraceResponseJson(null)).toEqual({});
    const rejected = Array.from({ length: 23 }, (_, i) => ({ spanId: `span${i}`, message: "no model" }));
    const json = exportTraceResponseJson(toPartialSuccess(rejected)) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    expect(json.partialSuccess.rejectedSpans).toBe("23");
    expect(json.partialSuccess.errorMessage).toMatch(/^span span0: no model; span span1: no model; .*span span19: no model; and 3 more$/);
  });
});
