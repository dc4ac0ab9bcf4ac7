import { withApi } from "@/lib/http/with-api";
import { boardFileName, parseBoardReportQuery } from "@/lib/reports/board-query";
import { loadBoardReport } from "@/lib/reports/load-board-report";
import { renderBoardPdf } from "@/lib/reports/render-board-pdf";

/** SPEC 3/7: the board report for `?period=2026-10|2026-Q4` as a landscape PDF (`paper=a4|letter`). */
export const GET = withApi("read", async (req, { ctx }) => {
  const query = parseBoardReportQuery(req.nextUrl.searchParams);
  const report = await loadBoardReport(ctx, query.period);
  const pdf = await renderBoardPdf(report, query.paper);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${boardFileName(report.period.label, "pdf")}"`,
      "Cache-Control": "no-store",
    },
  });
});
