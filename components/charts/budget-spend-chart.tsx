"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BudgetChart } from "@/lib/budgets-view/prepare-budget-series";

const axisUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 2 });
const tooltipUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

// Points carry local dates already in the organization's zone: read them as UTC calendar dates.
const formatDay = (date: string) => dayLabel.format(new Date(`${date}T00:00:00Z`));

/**
 * A budget's period: spend to date as a running total, the forecast as a dashed line to the
 * period's end, and the yellow, red and amount lines. Draws the prepared chart; decides nothing.
 */
export function BudgetSpendChart({ chart, label }: { chart: BudgetChart; label: string }) {
  return (
    <div role="img" aria-label={label} className="h-64 w-full sm:h-80">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 800, height: 320 }}>
        <LineChart data={chart.points} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="date" tickFormatter={formatDay} tick={{ fontSize: 12, fill: "#64748b" }} minTickGap={24} tickLine={false} />
          <YAxis domain={[0, chart.yMax]} ticks={chart.yTicks} tickFormatter={(v: number) => axisUsd.format(v)} tick={{ fontSize: 12, fill: "#64748b" }} width={60} tickLine={false} axisLine={false} />
          <Tooltip labelFormatter={(date) => formatDay(String(date))} formatter={(value) => (typeof value === "number" ? tooltipUsd.format(value) : "–")} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine y={chart.yellow} stroke="#d97706" strokeDasharray="2 3" label={{ value: "Yellow", position: "insideBottomRight", fontSize: 11, fill: "#92400e" }} ifOverflow="extendDomain" />
          <ReferenceLine y={chart.red} stroke="#dc2626" strokeDasharray="2 3" label={{ value: "Red", position: "insideTopRight", fontSize: 11, fill: "#991b1b" }} ifOverflow="extendDomain" />
          {chart.amount !== chart.red ? (
            <ReferenceLine y={chart.amount} stroke="#475569" label={{ value: "Amount", position: "insideTopLeft", fontSize: 11, fill: "#334155" }} ifOverflow="extendDomain" />
          ) : null}
          <Line type="linear" dataKey="spend" name="Spend to date" stroke="#4f46e5" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
          {chart.hasForecast ? (
            <Line type="linear" dataKey="forecast" name="Forecast" stroke="#64748b" strokeWidth={2} strokeDasharray="5 4" dot={false} connectNulls={false} isAnimationActive={false} />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
