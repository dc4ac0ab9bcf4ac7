"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MarginChartPoint } from "@/lib/margins/prepare-margins-view";

const axisUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
const tooltipUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });

// Slanted and shortened, feature names stay readable under narrow bars on a phone.
const shortName = (name: string) => (name.length > 16 ? `${name.slice(0, 15)}…` : name);

/** Revenue beside inference cost per feature. Draws the prepared points; decides nothing. */
export function RevenueCostChart({ points, label }: { points: MarginChartPoint[]; label: string }) {
  return (
    <div role="img" aria-label={label} className="h-64 w-full sm:h-80">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 800, height: 320 }}>
        <BarChart data={points} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="feature" tickFormatter={shortName} tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} interval={0} angle={-30} textAnchor="end" height={64} />
          <YAxis tickFormatter={(v: number) => axisUsd.format(v)} tick={{ fontSize: 12, fill: "#64748b" }} width={60} tickLine={false} axisLine={false} />
          <Tooltip formatter={(value) => (typeof value === "number" ? tooltipUsd.format(value) : "–")} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="revenue" name="Revenue" fill="#4f46e5" maxBarSize={56} isAnimationActive={false} />
          <Bar dataKey="cost" name="Inference cost" fill="#f59e0b" maxBarSize={56} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
