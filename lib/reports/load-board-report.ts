import "server-only";
import { loadAnomalies } from "@/lib/anomalies/load-anomalies";
import type { Anomaly } from "@/lib/anomalies/find-anomalies";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { listBudgets } from "@/lib/budgets/list-budgets";
import { queryCosts } from "@/lib/costs/query-costs";
import { wallTimeAt } from "@/lib/costs/zoned-time";
import { db } from "@/lib/db";
import { fromUnits, sumDecimals, toUnits } from "@/lib/format/decimal";
import { computeMargins } from "@/lib/margins/compute-margins";
import { currentMonth, parseMarginPeriod } from "@/lib/margins/margin-period";
import { compareAmounts } from "@/lib/overview/compare-periods";
import { loadOverview } from "@/lib/overview/load-overview";
import { rankBudgetLights } from "@/lib/overview/rank-budget-lights";
import { listFindings } from "@/lib/shadow-ai/findings";
import { summarizeGovernance } from "@/lib/shadow-ai/summarize-governance";
import { estimateSavingsLevers } from "@/lib/what-if/estimate-savings-levers";
import type { BoardReport } from "./board-report";
import { INFERENCE_SHARE_BENCHMARK_PCT, marginVerdict } from "./margin-benchmark";
import { forecastPeriodTotal, monthsEndingAt, prepareSpendTrend, shortMonthLabel, TREND_MONTHS } from "./prepare-spend-trend";
import { rankTopRisks } from "./rank-top-risks";

const DAY_MS = 86_400_000;
const ZERO = "0.0000000000";

const localDate = (instant: Date, timeZone: string) => {
  const w = wallTimeAt(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
};
const daysFromTo = (first: string, last: string) => Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY_MS) + 1;

/** "October 2026" or "Q4 2026 (Oct–Dec 2026)". */
function periodTitle(kind: "month" | "quarter", label: string, months: readonly string[]): string {
  if (kind === "quarter") return `${label.slice(5)} ${label.slice(0, 4)} (${shortMonthLabel(months[0]).slice(0, 3)}–${shortMonthLabel(months[months.length - 1])})`;
  const [y, m] = label.split("-").map(Number);
  return `${new Date(Date.UTC(y, m - 1, 15)).toLocaleString("en-US", { month: "long", timeZone: "UTC" })} ${y}`;
}

/**
 * The board report for a month (`2026-10`) or quarter (`2026-Q4`) in the organization's zone
 * (SPEC 7): the executive summary, margin against the benchmarks, six months of spend with the
 * forecast, budget lights, top risks and savings levers. Every part comes from its owning area
 * (roll-ups, margins, budgets, anomalies, shadow AI, what-if), read in parallel.
 */
export async function loadBoardReport(ctx: OrgContext, periodText: string, now: Date = new Date()): Promise<BoardReport> {
  authorizeOrThrow(ctx, "read");
  const tz = ctx.timeZone;
  const period = parseMarginPeriod(periodText, tz);
  const previous = parseMarginPeriod(period.previous, tz);
  const thisMonth = currentMonth(now, tz);
  const started = period.from.getTime() <= now.getTime();
  const isCurrent = started && now.getTime() < period.to.getTime();
  const trendMonths = monthsEndingAt(period.months[period.months.length - 1], TREND_MONTHS);
  const trendFrom = parseMarginPeriod(trendMonths[0], tz).from;
  // Spikes are judged on the period's local days that have begun, up to now.
  const seenUntil = new Date(Math.min(now.getTime(), period.to.getTime() - 1));
  const firstDate = localDate(period.from, tz);
  const anomalyDays = started ? daysFromTo(firstDate, localDate(seenUntil, tz)) : 0;

  const [margins, monthly, first, budgets, anomalies, findings, governance, levers, overview] = await Promise.all([
    computeMargins(ctx, period.period),
    queryCosts(ctx, { from: trendFrom, to: period.to, granularity: "month", groupBy: [], filters: {}, format: "json" }),
    // The roll-ups' primary key starts (orgId, hour): an index lookup for the first month with usage.
    db.costRollupHourly.findFirst({ where: { orgId: ctx.orgId }, orderBy: { hour: "asc" }, select: { hour: true } }),
    listBudgets(ctx),
    anomalyDays > 0 ? loadAnomalies(ctx, { now: seenUntil, days: anomalyDays }) : Promise.resolve([] as Anomaly[]),
    listFindings(ctx, { status: ["open"] }),
    summarizeGovernance(ctx),
    started ? estimateSavingsLevers(ctx, { from: period.from, to: seenUntil }) : Promise.resolve([]),
    // The month-end forecast and its run rate come from the overview, so both pages agree.
    isCurrent ? loadOverview(ctx, now) : Promise.resolve(null),
  ]);

  const spendByMonth = new Map(monthly.rows.map((row) => [row.period.slice(0, 7), row.cost_usd]));
  const spendOf = (months: readonly string[]) => sumDecimals(months.map((m) => spendByMonth.get(m) ?? ZERO));
  const trend = prepareSpendTrend({
    months: trendMonths,
    spendByMonth,
    firstDataMonth: first ? localDate(first.hour, tz).slice(0, 7) : null,
    currentMonth: thisMonth,
    currentMonthForecastUsd: overview?.forecast?.forecastUsd ?? null,
    runRateUsd: overview?.forecast?.runRateUsd ?? null,
  });
  const aiSpend = spendOf(period.months);
  const previousSpend = spendOf(previous.months);
  const change = compareAmounts(aiSpend, previousSpend);
  const lights = rankBudgetLights(budgets);
  const total = margins.total;
  const outside = governance.filter((g) => period.months.includes(g.month)).map((g) => g.outside_usd);

  return {
    org: { name: ctx.orgName, slug: ctx.orgSlug, time_zone: tz },
    period: {
      label: period.period,
      kind: period.kind,
      title: periodTitle(period.kind, period.period, period.months),
      first_date: firstDate,
      last_date: localDate(new Date(period.to.getTime() - 1), tz),
      previous_label: period.previous,
      previous_title: periodTitle(previous.kind, previous.period, previous.months),
      is_current: isCurrent,
    },
    generated_at: now.toISOString(),
    summary: {
      ai_spend_usd: aiSpend,
      previous_ai_spend_usd: previousSpend,
      ai_spend_change_pct: change.ratio === null ? null : (change.ratio * 100).toFixed(4),
      revenue_usd: total.revenue_usd,
      gross_margin_usd: total.gross_margin_usd,
      gross_margin_pct: total.gross_margin_pct,
      inference_share_pct: total.inference_share_of_revenue_pct,
      inference_share_benchmark_pct: INFERENCE_SHARE_BENCHMARK_PCT,
      forecast_usd: isCurrent ? forecastPeriodTotal(trend, period.months, thisMonth) : null,
      budgets: lights.counts,
      shadow_ai_outside_usd: sumDecimals(outside),
      open_findings: findings.length,
      open_findings_usd: sumDecimals(findings.map((f) => f.total_usd)),
      savings_monthly_usd: sumDecimals(levers.map((l) => l.monthly_saving_usd)),
    },
    margin: {
      verdict: marginVerdict(total.gross_margin_pct),
      features: [...margins.features]
        .sort((a, b) => Number(toUnits(b.revenue_usd) - toUnits(a.revenue_usd)) || Number(toUnits(b.inference_cost_usd) - toUnits(a.inference_cost_usd)) || a.feature.localeCompare(b.feature))
        .map((f) => ({ feature: f.feature, revenue_usd: f.revenue_usd, inference_cost_usd: f.inference_cost_usd, gross_margin_pct: f.gross_margin_pct, inference_share_of_revenue_pct: f.inference_share_of_revenue_pct })),
    },
    trend,
    budgets: lights.budgets.map((b) => ({ name: b.name, level: b.level, spend_usd: b.spend_usd, amount_usd: b.amount_usd, forecast_usd: b.forecast_usd, reason: b.reason })),
    risks: rankTopRisks({ budgets, anomalies, findings }),
    levers: levers.map((l) => ({ id: l.id, title: l.title, detail: l.detail, monthly_saving_usd: fromUnits(toUnits(l.monthly_saving_usd)), basis: l.basis })),
  };
}
