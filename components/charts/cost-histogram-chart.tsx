"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HistogramBar } from "@/lib/workflows-view/prepare-histogram";

/** Runs per cost bucket as bars; draws the prepared bars as given and decides nothing. */
export function CostHistogramChart({ bars, label }: { bars: HistogramBar[]; label: string }) {
  return (
    <div role="img" aria-label={label} className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height: 192 }}>
        <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#64748b" }} minTickGap={16} tickLine={false} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#64748b" }} width={32} tickLine={false} axisLine={false} />
          <Tooltip
            labelFormatter={(_, payload) => String((payload?.[0]?.payload as HistogramBar | undefined)?.range ?? "")}
            formatter={(value) => [String(value), "Runs"]}
          />
          <Bar dataKey="runs" name="Runs" fill="#4f46e5" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
