import { formatUsdTotal } from "@/lib/format/format-money";
import { trendBarLabel } from "@/lib/reports/board-headlines";
import type { TrendPoint } from "@/lib/reports/prepare-spend-trend";
import { prepareTrendBars } from "@/lib/reports/prepare-trend-bars";

const WIDTH = 600;
const HEIGHT = 260;
const TOP = 36;
const BOTTOM = 36;

/** Monthly spend as filled bars with the forecast as a dashed outline; an SVG, so it prints sharp and needs no script. */
export function TrendBarsChart({ points }: { points: TrendPoint[] }) {
  const { bars, maxUsd } = prepareTrendBars(points);
  const plot = HEIGHT - TOP - BOTTOM;
  const slot = WIDTH / Math.max(1, bars.length);
  const barWidth = slot * 0.55;
  const summary = bars.map((b) => `${b.label}: ${b.spendUsd === null ? "no data" : formatUsdTotal(b.spendUsd)}${b.forecastUsd ? `, forecast ${formatUsdTotal(b.forecastUsd)}` : ""}`).join("; ");
  return (
    <figure className="min-w-0">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="img" aria-label={`AI spend per month. ${summary}`}>
        <line x1={0} x2={WIDTH} y1={TOP + plot} y2={TOP + plot} stroke="#94a3b8" />
        {maxUsd === 0 ? (
          <text x={WIDTH / 2} y={TOP + plot / 2} textAnchor="middle" fontSize={13} fill="#64748b">
            No spend recorded in these months
          </text>
        ) : null}
        {bars.map((b, i) => {
          const x = i * slot + (slot - barWidth) / 2;
          const spendHeight = (b.spend ?? 0) * plot;
          const forecastHeight = (b.forecast ?? 0) * plot;
          const top = Math.max(spendHeight, forecastHeight);
          const label = trendBarLabel(b.spendUsd, b.forecastUsd);
          return (
            <g key={b.month}>
              {b.forecast !== null ? <rect x={x} y={TOP + plot - forecastHeight} width={barWidth} height={forecastHeight} fill="none" stroke="#4f46e5" strokeDasharray="5 3" /> : null}
              {b.spend !== null ? <rect x={x} y={TOP + plot - spendHeight} width={barWidth} height={spendHeight} fill="#4f46e5" /> : null}
              {label.map((line, n) => (
                <text key={line} x={x + barWidth / 2} y={TOP + plot - top - 6 - 15 * (label.length - 1 - n)} textAnchor="middle" fontSize={12} fill="#0f172a">
                  {line}
                </text>
              ))}
              <text x={i * slot + slot / 2} y={TOP + plot + 18} textAnchor="middle" fontSize={12} fill="#64748b">
                {b.label}
                {b.partial ? " (to date)" : ""}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-4 text-xs text-slate-500">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-2.5 w-2.5 bg-accent-600" /> Spend
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-2.5 w-2.5 border border-dashed border-accent-600" /> Forecast (to date + daily run rate × days left)
        </span>
      </figcaption>
    </figure>
  );
}
