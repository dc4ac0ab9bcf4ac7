"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SpendPoint } from "@/lib/overview/prepare-spend-series";

const axisUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 2 });
const tooltipUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });
const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

// Points carry local dates (`YYYY-MM-DD`), already in the organization's zone: read them as UTC
// calendar dates so the browser's own zone never shifts a day.
const formatDay = (date: string) => dayLabel.format(new Date(`${date}T00:00:00Z`));

/**
 * Daily spend as a line with gaps where a point is null, and the forecast run rate as a dashed
 * line. Draws the prepared points as given; decides nothing.
 */
export function SpendLineChart({ points, label }: { points: SpendPoint[]; label: string }) {
  return (
    <div role="img" aria-label={label} className="h-64 w-full sm:h-72">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 800, height: 288 }}>
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="date" tickFormatter={formatDay} tick={{ fontSize: 12, fill: "#64748b" }} minTickGap={24} tickLine={false} />
          <YAxis tickFormatter={(v: number) => axisUsd.format(v)} tick={{ fontSize: 12, fill: "#64748b" }} width={56} tickLine={false} axisLine={false} />
          <Tooltip
            labelFormatter={(date) => formatDay(String(date))}
            formatter={(value) => (typeof value === "number" ? tooltipUsd.format(value) : "–")}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line type="monotone" dataKey="spend" name="Daily spend" stroke="#4f46e5" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
          {points.some((p) => p.forecast !== null) ? (
            <Line type="monotone" dataKey="forecast" name="Forecast (daily run rate)" stroke="#94a3b8" strokeWidth={2} strokeDasharray="5 4" dot={false} connectNulls={false} isAnimationActive={false} />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
