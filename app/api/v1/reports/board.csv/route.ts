import { withApi } from "@/lib/http/with-api";
import { boardReportToCsv } from "@/lib/reports/board-csv";
import { boardFileName, parseBoardReportQuery } from "@/lib/reports/board-query";
import { loadBoardReport } from "@/lib/reports/load-board-report";

/** The board report's data for `?period=2026-10|2026-Q4` as `section,metric,value` CSV. */
export const GET = withApi("read", async (req, { ctx }) => {
  const query = parseBoardReportQuery(req.nextUrl.searchParams);
  const report = await loadBoardReport(ctx, query.period);
  return new Response(boardReportToCsv(report), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${boardFileName(report.period.label, "csv")}"`,
      "Cache-Control": "no-store",
    },
  });
});
