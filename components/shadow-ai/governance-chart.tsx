"use client";

import { StackedCostChart } from "@/components/charts/stacked-cost-chart";
import { formatUsdTotal } from "@/lib/format/format-money";
import type { GovernancePoint, GovernanceSeries } from "@/lib/shadow-ai/prepare-governance-chart";

const axisMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 2 });

/** Stacked monthly bars of AI spend: inside governance at the bottom, outside on top (prepared in lib). */
export function GovernanceChart({ points, series }: { points: GovernancePoint[]; series: GovernanceSeries[] }) {
  const description = `Stacked bars of AI spend in USD per month. Inside governance: ${series
    .filter((s) => s.side === "inside")
    .map((s) => `${s.label} ${formatUsdTotal(s.total)}`)
    .join(", ")}. Outside: ${series
    .filter((s) => s.side === "outside")
    .map((s) => `${s.label} ${formatUsdTotal(s.total)}`)
    .join(", ")}. Months without AI spend are empty.`;
  return (
    <StackedCostChart
      title="AI spend inside and outside governance per month"
      description={description}
      data={points}
      series={series.map((s) => ({ key: s.key, label: s.side === "inside" ? `${s.label} (inside)` : `${s.label} (outside)`, color: s.color }))}
      formatAxis={(v) => axisMoney.format(v)}
      formatValue={(v) => formatUsdTotal(v.toFixed(10))}
      height={300}
    />
  );
}
