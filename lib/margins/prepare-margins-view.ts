import { decimalToNumber, fromUnits, toUnits } from "@/lib/format/decimal";
import type { FeatureMargin, MarginsReport, MarginTotal } from "./assemble-margins";
import { GROSS_MARGIN_FLAG_PCT, INFERENCE_SHARE_BENCHMARK_PCT, type MarginFlag } from "./margin-arithmetic";

/** A flag as the page shows it: a short label, a one-line explanation and a colour. */
export type FlagView = { flag: MarginFlag; label: string; explanation: string; tone: "red" | "yellow" | "neutral" };

/** How a percentage moved against the previous period, in percentage points. */
export type PointsTrend = { points: string | null; direction: "up" | "down" | "flat" | "new" };

/** One table row: the report's exact figures plus the trend and the flags' words. */
export type MarginRowView = FeatureMargin & { marginTrend: PointsTrend; revenueTrend: PointsTrend; flagViews: FlagView[] };

/** One bar pair of the chart (numbers only here, after exact sums). */
export type MarginChartPoint = { feature: string; revenue: number; cost: number };

/** The chart shows at most this many features, the largest by revenue then cost. */
export const MARGIN_CHART_FEATURES = 12;

const FLAG_TEXT: Record<MarginFlag, Omit<FlagView, "flag">> = {
  no_revenue: { label: "No revenue", explanation: "Inference cost with no revenue recorded for this period: record revenue, or treat it as internal cost.", tone: "neutral" },
  inference_share_above_benchmark: {
    label: `Above ${INFERENCE_SHARE_BENCHMARK_PCT}% benchmark`,
    explanation: `Inference costs more than ${INFERENCE_SHARE_BENCHMARK_PCT}% of revenue, the benchmark for scaling AI companies.`,
    tone: "red",
  },
  inference_above_10pct_of_gross_margin: {
    label: `Over ${GROSS_MARGIN_FLAG_PCT}% of gross margin`,
    explanation: `Inference costs more than ${GROSS_MARGIN_FLAG_PCT}% of the gross margin: fix pricing or the model before it scales.`,
    tone: "yellow",
  },
};

/** The words for a flag. */
export function describeFlag(flag: MarginFlag): FlagView {
  return { flag, ...FLAG_TEXT[flag] };
}

/** `current − previous` of two percentage strings, exact, e.g. "+3.25"; null when either is missing. */
export function pointsTrend(current: string | null, previous: string | null | undefined): PointsTrend {
  if (current === null || previous === null || previous === undefined) return { points: null, direction: "new" };
  const diff = toUnits(current) - toUnits(previous);
  const zero = BigInt(0);
  const text = fromUnits(diff).replace(/(\.\d\d)\d*$/, "$1");
  return { points: diff > zero ? `+${text}` : text, direction: diff === zero ? "flat" : diff > zero ? "up" : "down" };
}

function revenueTrend(current: string, previous: string | undefined): PointsTrend {
  if (previous === undefined || toUnits(previous) === BigInt(0)) return { points: null, direction: "new" };
  // A percentage change with two places, exact: (current − previous) × 100 ÷ previous.
  const diff = toUnits(current) - toUnits(previous);
  const hundredths = (diff * BigInt(10000)) / toUnits(previous);
  const zero = BigInt(0);
  const abs = hundredths < zero ? -hundredths : hundredths;
  const text = `${hundredths < zero ? "-" : hundredths > zero ? "+" : ""}${abs / BigInt(100)}.${(abs % BigInt(100)).toString().padStart(2, "0")}`;
  return { points: text, direction: diff === zero ? "flat" : diff > zero ? "up" : "down" };
}

/** A row of the table for a feature (or the total). */
export function marginRowView<T extends MarginTotal>(row: T): T & Omit<MarginRowView, keyof FeatureMargin> {
  return {
    ...row,
    marginTrend: pointsTrend(row.gross_margin_pct, row.previous?.gross_margin_pct),
    revenueTrend: revenueTrend(row.revenue_usd, row.previous?.revenue_usd),
    flagViews: row.flags.map(describeFlag),
  };
}

/** What the Margins page shows: rows with trends and flag words, the total, and the chart's bars. */
export function prepareMarginsView(report: MarginsReport) {
  const rows = report.features.map((f) => marginRowView(f));
  const chart: MarginChartPoint[] = report.features
    .slice(0, MARGIN_CHART_FEATURES)
    .map((f) => ({ feature: f.feature, revenue: decimalToNumber(f.revenue_usd), cost: decimalToNumber(f.inference_cost_usd) }));
  const hasRevenue = toUnits(report.total.revenue_usd) > BigInt(0);
  const flagged = report.features.filter((f) => f.flags.some((flag) => flag !== "no_revenue")).length;
  return { rows, total: marginRowView(report.total), chart, hasRevenue, flagged, hiddenFromChart: Math.max(0, report.features.length - MARGIN_CHART_FEATURES) };
}
