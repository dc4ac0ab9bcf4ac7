import { NextResponse } from "next/server";
import { withApi } from "@/lib/http/with-api";
import { exportTraceResponseJson, exportTraceResponseProtobuf } from "@/lib/otlp/export-trace-response";
import { ingestOtlpTraces } from "@/lib/otlp/ingest-otlp-traces";
import { detectTraceRequestEncoding, readTraceRequest } from "@/lib/otlp/read-trace-request";

/** SPEC 2.4: OTLP/HTTP trace export (JSON or protobuf, optionally gzip); partial success is 200. */
export const POST = withApi("ingest", async (req, { ctx }) => {
  const encoding = detectTraceRequestEncoding(req.headers);
  if ("unsupported" in encoding) return NextResponse.json({ error: encoding.unsupported }, { status: 415 });
  const { partialSuccess } = await ingestOtlpTraces(ctx, await readTraceRequest(req, encoding));
  if (encoding.format === "json") return NextResponse.json(exportTraceResponseJson(partialSuccess));
  // OTLP/HTTP answers in the request's encoding.
  return new Response(Buffer.from(exportTraceResponseProtobuf(partialSuccess)), { headers: { "Content-Type": "application/x-protobuf" } });
});
