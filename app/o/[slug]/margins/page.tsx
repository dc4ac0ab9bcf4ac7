import type { Metadata } from "next";
import Link from "next/link";
import { formatMarginPeriod, MarginPeriodPicker } from "@/components/margins/margin-period-picker";
import { MarginFlagLegend } from "@/components/margins/margin-flags";
import { MarginTrend } from "@/components/margins/margin-trend";
import { MarginsTable } from "@/components/margins/margins-table";
import { RevenueCostChart } from "@/components/margins/revenue-cost-chart";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { AppError } from "@/lib/errors/app-error";
import { formatUsdTotal } from "@/lib/format/format-money";
import { getPageContext } from "@/lib/http/page-context";
import { computeMargins } from "@/lib/margins/compute-margins";
import { INFERENCE_SHARE_BENCHMARK_PCT, MARGIN_FLAGS } from "@/lib/margins/margin-arithmetic";
import { currentMonth, defaultMarginPeriod, parseMarginPeriod, recentMarginPeriods } from "@/lib/margins/margin-period";
import { MARGINS_CSV_HEADER, marginsCsvRows } from "@/lib/margins/margins-csv";
import { describeFlag, prepareMarginsView } from "@/lib/margins/prepare-margins-view";
import { firstParam } from "@/lib/workflows-view/range";

export const metadata: Metadata = { title: "Margins" };

const linkClass = "inline-flex h-9 items-center whitespace-nowrap rounded-md border border-slate-300 bg-white px-3.5 text-sm font-medium text-slate-800 hover:bg-slate-50";

/** SPEC 7: revenue against inference cost per feature for a month or quarter, with the benchmark, the 10% flag and the trend. */
export default async function MarginsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await getPageContext((await params).slug);
  const now = new Date();
  const asked = firstParam((await searchParams).period);
  let period = defaultMarginPeriod(now, ctx.timeZone);
  let invalid = false;
  if (asked) {
    try {
      period = parseMarginPeriod(asked, ctx.timeZone).period;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      invalid = true;
    }
  }
  const report = await computeMargins(ctx, period);
  const view = prepareMarginsView(report);
  const picker = recentMarginPeriods(currentMonth(now, ctx.timeZone), 15);
  const base = `/o/${ctx.orgSlug}`;
  const label = formatMarginPeriod(report.period);
  const shareOver = view.total.flags.includes("inference_share_above_benchmark");

  return (
    <>
      <PageHeader
        title="Margins"
        description={`Revenue against inference cost per feature, ${label} (${ctx.timeZone}), compared with ${formatMarginPeriod(report.previous_period)} · amounts in USD`}
        actions={
          <>
            <MarginPeriodPicker action={`${base}/margins`} period={report.period} months={picker.months} quarters={picker.quarters} />
            <Link href={`${base}/reports/board?period=${report.period}`} className={`${linkClass} self-end`}>
              Board report
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        {invalid ? <Alert>The period “{asked}” is not a month like 2026-10 or a quarter like 2026-Q4; showing {label}.</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <StatCard label="Revenue" value={formatUsdTotal(report.total.revenue_usd)} testId="stat-revenue">
            {view.total.revenueTrend.points === null ? (
              `No revenue in ${formatMarginPeriod(report.previous_period)} to compare`
            ) : (
              <>
                <MarginTrend trend={view.total.revenueTrend} unit="%" /> vs {formatMarginPeriod(report.previous_period)}
              </>
            )}
          </StatCard>
          <StatCard label="Inference cost" value={formatUsdTotal(report.total.inference_cost_usd)} testId="stat-cost">
            {report.total.decisions.toLocaleString("en-US")} decisions
          </StatCard>
          <StatCard label="Gross margin after inference" value={report.total.gross_margin_pct === null ? "–" : `${report.total.gross_margin_pct}%`} testId="stat-margin-pct">
            {formatUsdTotal(report.total.gross_margin_usd)} · <MarginTrend trend={view.total.marginTrend} unit="pp" />
          </StatCard>
          <StatCard label="Inference cost / revenue" value={report.total.inference_share_of_revenue_pct === null ? "–" : `${report.total.inference_share_of_revenue_pct}%`} testId="stat-share">
            <span className={shareOver ? "font-medium text-red-700" : "text-emerald-700"}>
              {report.total.inference_share_of_revenue_pct === null ? "No revenue to compare" : shareOver ? `Above the ${INFERENCE_SHARE_BENCHMARK_PCT}% benchmark` : `Within the ${INFERENCE_SHARE_BENCHMARK_PCT}% benchmark`}
            </span>
          </StatCard>
        </div>

        {view.hasRevenue ? null : (
          <Card>
            <EmptyState
              title={`No revenue recorded for ${label}`}
              action={
                <Link href={`${base}/settings/revenue`} className={linkClass}>
                  Settings → Revenue
                </Link>
              }
            >
              Margins need revenue per feature and month: enter it, import a CSV, or post it to <code>/api/v1/revenue</code>.
            </EmptyState>
          </Card>
        )}

        {view.rows.length > 0 ? (
          <>
            <Card title="Revenue and inference cost per feature" description={view.hiddenFromChart > 0 ? `The ${view.chart.length} largest features; ${view.hiddenFromChart} more in the table` : undefined}>
              <RevenueCostChart points={view.chart} label={`Revenue and inference cost per feature, ${label}`} />
            </Card>
            <Card
              title={`Margins per feature · ${label}`}
              description={view.flagged > 0 ? `${view.flagged} ${view.flagged === 1 ? "feature needs" : "features need"} attention` : "No feature is flagged"}
              actions={<CsvExportButton filename={`${ctx.orgSlug}-margins-${report.period}.csv`} header={[...MARGINS_CSV_HEADER]} rows={marginsCsvRows(report)} />}
            >
              <MarginsTable rows={view.rows} total={view.total} />
              <MarginFlagLegend flags={MARGIN_FLAGS.map(describeFlag)} />
              <p className="mt-2 text-xs text-slate-500">
                Gross margin after inference = revenue − inference cost. Cost per decision and per success: the cost of the feature&apos;s runs that started in the period, divided by their number or by the successful ones.
              </p>
            </Card>
          </>
        ) : view.hasRevenue ? null : (
          <p className="text-sm text-slate-500">No inference cost in {label} either.</p>
        )}
      </div>
    </>
  );
}
