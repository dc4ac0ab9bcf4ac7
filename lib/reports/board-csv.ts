import { toCsv, type CsvCell } from "@/lib/csv/to-csv";
import type { BoardReport } from "./board-report";
import { AI_MARGIN_BENCHMARK, SAAS_MARGIN_BENCHMARK } from "./margin-benchmark";

/** The CSV's columns: one figure per row, amounts as exact decimal strings. */
export const BOARD_CSV_HEADER = ["section", "metric", "value"] as const;

/** The board report's data as `section,metric,value` rows (exact values, not the printed ones). */
export function boardReportRows(report: BoardReport): CsvCell[][] {
  const s = report.summary;
  const rows: CsvCell[][] = [
    ["period", "label", report.period.label],
    ["period", "first_date", report.period.first_date],
    ["period", "last_date", report.period.last_date],
    ["period", "previous_label", report.period.previous_label],
    ["period", "time_zone", report.org.time_zone],
    ["period", "is_current", report.period.is_current],
    ["summary", "ai_spend_usd", s.ai_spend_usd],
    ["summary", "previous_ai_spend_usd", s.previous_ai_spend_usd],
    ["summary", "ai_spend_change_pct", s.ai_spend_change_pct],
    ["summary", "revenue_usd", s.revenue_usd],
    ["summary", "gross_margin_usd", s.gross_margin_usd],
    ["summary", "gross_margin_pct", s.gross_margin_pct],
    ["summary", "inference_share_of_revenue_pct", s.inference_share_pct],
    ["summary", "inference_share_benchmark_pct", s.inference_share_benchmark_pct],
    ["summary", "forecast_usd", s.forecast_usd],
    ["summary", "budgets_red", s.budgets.red],
    ["summary", "budgets_yellow", s.budgets.yellow],
    ["summary", "budgets_green", s.budgets.green],
    ["summary", "shadow_ai_outside_governance_usd", s.shadow_ai_outside_usd],
    ["summary", "open_shadow_ai_findings", s.open_findings],
    ["summary", "open_shadow_ai_findings_usd", s.open_findings_usd],
    ["summary", "savings_levers_monthly_usd", s.savings_monthly_usd],
    ["margin", "verdict", report.margin.verdict.band],
    ["margin", "ai_benchmark_pct", `${AI_MARGIN_BENCHMARK.low}-${AI_MARGIN_BENCHMARK.high}`],
    ["margin", "saas_benchmark_pct", `${SAAS_MARGIN_BENCHMARK.low}-${SAAS_MARGIN_BENCHMARK.high}`],
  ];
  for (const f of report.margin.features) {
    rows.push(["margin_feature", `${f.feature} revenue_usd`, f.revenue_usd]);
    rows.push(["margin_feature", `${f.feature} inference_cost_usd`, f.inference_cost_usd]);
    rows.push(["margin_feature", `${f.feature} gross_margin_pct`, f.gross_margin_pct]);
  }
  for (const p of report.trend) {
    rows.push(["trend", `${p.month} spend_usd`, p.spend_usd]);
    if (p.forecast_usd !== null) rows.push(["trend", `${p.month} forecast_usd`, p.forecast_usd]);
  }
  for (const b of report.budgets) {
    rows.push(["budget", `${b.name} level`, b.level]);
    rows.push(["budget", `${b.name} spend_usd`, b.spend_usd]);
    rows.push(["budget", `${b.name} amount_usd`, b.amount_usd]);
  }
  for (const r of report.risks) rows.push([`risk_${r.kind}`, r.title, r.amount_usd]);
  for (const l of report.levers) rows.push(["savings_lever", l.title, l.monthly_saving_usd]);
  return rows;
}

/** The whole CSV file. */
export function boardReportToCsv(report: BoardReport): string {
  return toCsv(BOARD_CSV_HEADER, boardReportRows(report));
}
