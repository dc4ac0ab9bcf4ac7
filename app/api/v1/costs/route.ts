import { NextResponse } from "next/server";
import { costsToCsv } from "@/lib/costs/costs-csv";
import { fileNamePart } from "@/lib/costs/period";
import { queryCosts } from "@/lib/costs/query-costs";
import { queryFocusCostsCsv } from "@/lib/costs/query-focus-costs";
import { parseCostQuery } from "@/lib/costs/schemas";
import { formatInstantInZone } from "@/lib/costs/zoned-time";
import { withApi } from "@/lib/http/with-api";

function csvResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
  });
}

/** SPEC 3: costs per period and dimension, as JSON, CSV (`format=csv`) or FOCUS CSV (`format=focus`). */
export const GET = withApi("read", async (req, { ctx }) => {
  const query = parseCostQuery(req.nextUrl.searchParams, ctx.timeZone);
  const range = `${fileNamePart(formatInstantInZone(query.from, ctx.timeZone))}-${fileNamePart(formatInstantInZone(query.to, ctx.timeZone))}`;
  if (query.format === "focus") return csvResponse(await queryFocusCostsCsv(ctx, query), `costs-focus-${range}.csv`);
  const result = await queryCosts(ctx, query);
  if (query.format === "csv") return csvResponse(costsToCsv(result), `costs-${range}.csv`);
  return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
});
