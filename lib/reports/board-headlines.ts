import { formatUsdTotal, roundDecimal } from "@/lib/format/format-money";
import type { BoardReport } from "./board-report";
import { AI_MARGIN_BENCHMARK, inferenceShareAboveBenchmark, SAAS_MARGIN_BENCHMARK } from "./margin-benchmark";

/** One headline figure as the page and the PDF print it: the same strings in both. */
export type BoardHeadline = { id: string; label: string; value: string; detail: string };

/** A percent decimal string to one place: "62.5%"; "n/a" when there is nothing to divide by. */
export function formatPct(pct: string | null, { signed = false } = {}): string {
  if (pct === null) return "n/a";
  const text = roundDecimal(pct, 1);
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  // A plain hyphen-minus, like the money formatter's, so the PDF's standard fonts print it too.
  return `${negative ? "-" : signed && body !== "0.0" ? "+" : ""}${body}%`;
}

/** The lines over a month's bars: its spend, then its forecast when it has one ("fc"), or "no data" for a gap. */
export function trendBarLabel(spendUsd: string | null, forecastUsd: string | null): string[] {
  const lines = [spendUsd, forecastUsd].flatMap((usd, i) => (usd === null ? [] : [`${i === 1 ? "fc " : ""}${formatUsdTotal(usd)}`]));
  return lines.length === 0 ? ["no data"] : lines;
}

/** A count with its noun, singular or plural. */
const counted = (n: number, noun: string) => `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;

/** The executive summary in numbers, in the order the report prints them. */
export function boardHeadlines(report: BoardReport): BoardHeadline[] {
  const s = report.summary;
  const share = inferenceShareAboveBenchmark(s.inference_share_pct);
  const previous = report.period.previous_title;
  return [
    {
      id: "ai-spend",
      label: report.period.is_current ? "AI spend to date" : "AI spend",
      value: formatUsdTotal(s.ai_spend_usd),
      detail: s.ai_spend_change_pct === null ? `No spend in ${previous} to compare` : `${formatPct(s.ai_spend_change_pct, { signed: true })} vs ${previous} (${formatUsdTotal(s.previous_ai_spend_usd)})`,
    },
    { id: "revenue", label: "Revenue", value: formatUsdTotal(s.revenue_usd), detail: `Gross margin after inference ${formatUsdTotal(s.gross_margin_usd)}` },
    {
      id: "gross-margin",
      label: "AI gross margin",
      value: s.gross_margin_pct === null ? "No revenue" : formatPct(s.gross_margin_pct),
      detail: `Benchmarks: AI ${AI_MARGIN_BENCHMARK.low}–${AI_MARGIN_BENCHMARK.high}%, SaaS ${SAAS_MARGIN_BENCHMARK.low}–${SAAS_MARGIN_BENCHMARK.high}%`,
    },
    {
      id: "inference-share",
      label: "Inference cost / revenue",
      value: formatPct(s.inference_share_pct),
      detail: `Benchmark ${s.inference_share_benchmark_pct}%${share === null ? "" : share ? ": above it" : ": within it"}`,
    },
    {
      id: "forecast",
      label: "Forecast to period end",
      value: s.forecast_usd !== null ? formatUsdTotal(s.forecast_usd) : report.period.is_current ? "Not enough data" : "Period closed",
      detail: s.forecast_usd !== null ? "Spend to date + daily run rate × days left" : report.period.is_current ? "Needs a complete day of spend" : `Final spend ${formatUsdTotal(s.ai_spend_usd)}`,
    },
    {
      id: "budgets",
      label: "Budgets",
      value: `${s.budgets.red} red · ${s.budgets.yellow} yellow · ${s.budgets.green} green`,
      detail: "As of their last evaluation",
    },
    {
      id: "shadow-ai",
      label: "Shadow AI outside governance",
      value: formatUsdTotal(s.shadow_ai_outside_usd),
      detail: `${counted(s.open_findings, "open finding")}, ${formatUsdTotal(s.open_findings_usd)} in total`,
    },
    {
      id: "savings",
      label: "Savings levers",
      value: `${formatUsdTotal(s.savings_monthly_usd)}/month`,
      detail: report.levers.length === 0 ? "No lever found in this period's usage" : `${counted(report.levers.length, "lever")}, estimated`,
    },
  ];
}
