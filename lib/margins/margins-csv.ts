import { toCsv, type CsvCell } from "@/lib/csv/to-csv";
import type { MarginTotal, MarginsReport } from "./assemble-margins";

/** The columns of the margins CSV, one row per feature and a last `(total)` row. */
export const MARGINS_CSV_HEADER = [
  "period",
  "feature",
  "revenue_usd",
  "inference_cost_usd",
  "gross_margin_usd",
  "gross_margin_pct",
  "inference_share_of_revenue_pct",
  "cost_per_decision_usd",
  "cost_per_successful_outcome_usd",
  "decisions",
  "successful_outcomes",
  "flags",
  "previous_revenue_usd",
  "previous_inference_cost_usd",
  "previous_gross_margin_usd",
  "previous_gross_margin_pct",
] as const;

function cells(period: string, feature: string, m: MarginTotal): CsvCell[] {
  return [
    period,
    feature,
    m.revenue_usd,
    m.inference_cost_usd,
    m.gross_margin_usd,
    m.gross_margin_pct,
    m.inference_share_of_revenue_pct,
    m.cost_per_decision_usd,
    m.cost_per_successful_outcome_usd,
    m.decisions,
    m.successful_outcomes,
    m.flags.join(";"),
    m.previous?.revenue_usd,
    m.previous?.inference_cost_usd,
    m.previous?.gross_margin_usd,
    m.previous?.gross_margin_pct,
  ];
}

/** The margins report as the rows of its CSV (exact decimals, no formatting). */
export function marginsCsvRows(report: MarginsReport): CsvCell[][] {
  return [...report.features.map((f) => cells(report.period, f.feature, f)), cells(report.period, "(total)", report.total)];
}

/** The margins report as CSV. */
export function marginsToCsv(report: MarginsReport): string {
  return toCsv(MARGINS_CSV_HEADER, marginsCsvRows(report));
}
