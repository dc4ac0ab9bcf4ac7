import { NextResponse } from "next/server";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { withApi } from "@/lib/http/with-api";
import { computeMargins } from "@/lib/margins/compute-margins";
import { defaultMarginPeriod } from "@/lib/margins/margin-period";
import { marginsToCsv } from "@/lib/margins/margins-csv";
import { marginsQuerySchema } from "@/lib/margins/schemas";

/** SPEC 7: revenue, inference cost and gross margin per feature for `period` (default: the last full month); `format=csv` too. */
export const GET = withApi("read", async (req, { ctx }) => {
  const params = req.nextUrl.searchParams;
  const query = parseOrThrow(marginsQuerySchema, { period: params.get("period") ?? undefined, format: params.get("format") ?? undefined });
  const report = await computeMargins(ctx, query.period ?? defaultMarginPeriod(new Date(), ctx.timeZone));
  if (query.format === "csv") {
    return new Response(marginsToCsv(report), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="margins-${report.period}.csv"`, "Cache-Control": "no-store" },
    });
  }
  return NextResponse.json(report, { headers: { "Cache-Control": "no-store" } });
});
