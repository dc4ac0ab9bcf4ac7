import type { Metadata } from "next";
import { BoardHeadlineGrid } from "@/components/reports/board-headline-grid";
import { BoardSheet } from "@/components/reports/board-sheet";
import { BudgetLightsTable, FeatureMarginsTable, LeversTable, RisksTable } from "@/components/reports/board-tables";
import { BoardToolbar } from "@/components/reports/board-toolbar";
import { MarginBenchmarkScale } from "@/components/reports/margin-benchmark-scale";
import { TrendBarsChart } from "@/components/reports/trend-bars-chart";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/org-context";
import { AppError } from "@/lib/errors/app-error";
import { toUnits } from "@/lib/format/decimal";
import { getPageContext } from "@/lib/http/page-context";
import { currentMonth, defaultMarginPeriod, recentMarginPeriods } from "@/lib/margins/margin-period";
import { boardHeadlines } from "@/lib/reports/board-headlines";
import type { BoardReport } from "@/lib/reports/board-report";
import { loadBoardReport } from "@/lib/reports/load-board-report";
import { shortMonthLabel } from "@/lib/reports/prepare-spend-trend";
import type { Paper } from "@/lib/reports/schemas";

export const metadata: Metadata = { title: "Board report" };

const PAGES = 3;

/** Print layout: one landscape sheet per section, the app's frame and controls hidden. */
const printCss = (paper: Paper) => `
@page { size: ${paper === "letter" ? "letter" : "A4"} landscape; margin: 12mm; }
@media print {
  /* Every size is in rem: a smaller root scales the sheets to fit one landscape page each. */
  html { font-size: 10px; }
  html, body { background: white; }
  /* The app frame caps the content's width for reading on screen; paper has its own. */
  #main > div { max-width: none; }
  .board-sheet { break-after: page; break-inside: avoid; }
  .board-sheet:last-child { break-after: auto; }
}`;

/** SPEC 7's board report for a month or quarter: print-ready landscape sheets, PDF and CSV downloads. */
export default async function BoardReportPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await getPageContext((await params).slug);
  const query = await searchParams;
  const now = new Date();
  const requested = typeof query.period === "string" && query.period.trim() !== "" ? query.period.trim() : defaultMarginPeriod(now, ctx.timeZone);
  const paper: Paper = query.paper === "letter" ? "letter" : "a4";
  const thisMonth = currentMonth(now, ctx.timeZone);
  const recent = recentMarginPeriods(thisMonth, 12);
  const months = recent.months.map((m) => ({ value: m, label: `${shortMonthLabel(m)}${m === thisMonth ? " (to date)" : ""}` }));
  const quarters = recent.quarters.map((q) => ({ value: q, label: `${q.slice(5)} ${q.slice(0, 4)}` }));

  let report: BoardReport | null = null;
  let problem: string | null = null;
  try {
    report = await loadBoardReport(ctx, requested, now);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "INVALID_INPUT") throw error;
    problem = error.message;
  }

  const header = (
    <PageHeader
      title="Board report"
      description={`${ctx.orgName} · one month or quarter for the board: spend, margin against benchmarks, budgets, risks and savings · amounts in USD · ${ctx.timeZone}`}
    />
  );
  const toolbar = <BoardToolbar slug={ctx.orgSlug} period={report?.period.label ?? requested} paper={paper} months={months} quarters={quarters} canDownload={report !== null} />;
  if (!report) {
    return (
      <>
        {header}
        {toolbar}
        <Alert>{problem}</Alert>
      </>
    );
  }

  const file = (part: string) => `${ctx.orgSlug}-board-${report.period.label}-${part}.csv`;
  const s = report.summary;
  const empty = toUnits(s.ai_spend_usd) === BigInt(0) && toUnits(s.revenue_usd) === BigInt(0);
  const sheet = { period: report.period.title, paper, pages: PAGES };
  return (
    <>
      <style>{printCss(paper)}</style>
      <div className="print:hidden">{header}</div>
      {toolbar}
      {empty ? (
        <div className="mb-4 print:hidden">
          <Alert tone="info">
            No AI spend or revenue recorded for {report.period.title}. {can(ctx, "manage_revenue") ? "Record revenue under Settings → Revenue; " : ""}spend appears as events arrive.
          </Alert>
        </div>
      ) : null}
      <div className="space-y-6 print:space-y-0">
        <BoardSheet title="Executive summary" pageNumber={1} {...sheet}>
          <p className="text-sm text-slate-500">
            {ctx.orgName} · {report.period.first_date} to {report.period.last_date} ({report.org.time_zone})
            {report.period.is_current ? " · period still running: figures to date" : ""}
          </p>
          <BoardHeadlineGrid headlines={boardHeadlines(report)} />
          <div>
            <h3 className="mb-2 text-base font-semibold text-slate-900">AI gross margin against benchmarks</h3>
            <MarginBenchmarkScale verdict={report.margin.verdict} />
          </div>
          <FeatureMarginsTable features={report.margin.features} filename={file("margins")} />
        </BoardSheet>
        <BoardSheet title="Spend trend and budgets" pageNumber={2} {...sheet}>
          <div className="grid gap-6 lg:grid-cols-2 print:grid-cols-2">
            <div className="min-w-0">
              <h3 className="mb-2 text-base font-semibold text-slate-900">AI spend per month, with forecast</h3>
              <TrendBarsChart points={report.trend} />
            </div>
            <BudgetLightsTable budgets={report.budgets} counts={`${s.budgets.red} red · ${s.budgets.yellow} yellow · ${s.budgets.green} green`} filename={file("budgets")} />
          </div>
        </BoardSheet>
        <BoardSheet title="Top risks and savings levers" pageNumber={3} {...sheet}>
          <RisksTable risks={report.risks} filename={file("risks")} />
          <LeversTable levers={report.levers} totalUsd={s.savings_monthly_usd} filename={file("levers")} />
        </BoardSheet>
      </div>
    </>
  );
}
