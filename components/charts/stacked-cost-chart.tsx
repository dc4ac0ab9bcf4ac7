"use client";

import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type StackedCostChartSeries = { key: string; label: string; color: string };
export type StackedCostChartPoint = { label: string; [seriesKey: string]: string | number | null };

/**
 * A stacked bar chart of costs per period. It decides nothing: periods, series, colours, labels
 * and money formatting all come in as props (see lib/explorer/prepare-stacked-series.ts).
 */
export function StackedCostChart({
  title,
  description,
  data,
  series,
  formatAxis,
  formatValue,
  height = 320,
}: {
  title: string;
  description: string;
  data: StackedCostChartPoint[];
  series: StackedCostChartSeries[];
  formatAxis: (value: number) => string;
  formatValue: (value: number) => string;
  height?: number;
}) {
  const descriptionId = useId();
  return (
    <figure aria-label={title} aria-describedby={descriptionId} className="m-0">
      <p id={descriptionId} className="sr-only">
        {description}
      </p>
      <div style={{ height }} className="w-full">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 800, height }}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} title={title} desc={description}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} minTickGap={16} />
            <YAxis tickFormatter={formatAxis} tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={false} width={72} />
            <Tooltip
              cursor={{ fill: "#f1f5f9" }}
              formatter={(value, name) => [typeof value === "number" ? formatValue(value) : "No spend", name]}
              contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: "#e2e8f0" }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId="cost" fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
