import type { TrendPoint } from "./prepare-spend-trend";

/** One month's bars in a chart of `height` units: spend filled, forecast outlined; heights are fractions of the plot (0–1). */
export type TrendBar = { month: string; label: string; spend: number | null; forecast: number | null; spendUsd: string | null; forecastUsd: string | null; partial: boolean };

/**
 * Scales the trend for a bar chart: each month's spend and forecast as a fraction of the tallest
 * value. Gaps stay null (no bar, not a zero bar); all-zero or empty trends scale to 0.
 */
export function prepareTrendBars(points: readonly TrendPoint[]): { bars: TrendBar[]; maxUsd: number } {
  const maxUsd = Math.max(0, ...points.flatMap((p) => [Number(p.spend_usd ?? 0), Number(p.forecast_usd ?? 0)]));
  const scale = (usd: string | null) => (usd === null ? null : maxUsd === 0 ? 0 : Number(usd) / maxUsd);
  return {
    maxUsd,
    bars: points.map((p) => ({ month: p.month, label: p.label, spend: scale(p.spend_usd), forecast: scale(p.forecast_usd), spendUsd: p.spend_usd, forecastUsd: p.forecast_usd, partial: p.partial })),
  };
}
