import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";

/** The OpenAPI 3.1 document for every `/api/v1` endpoint (public: it describes, it reveals nothing). */
export function GET() {
  return NextResponse.json(buildOpenApiDocument());
}
