import type { PointsTrend } from "@/lib/margins/prepare-margins-view";

// A margin or revenue going up is good news here, unlike a cost.
const tone = { up: "text-emerald-700", down: "text-red-700", flat: "text-slate-600", new: "text-slate-500" } as const;
const arrow = { up: "↑", down: "↓", flat: "→", new: "" } as const;
const words = { up: "up", down: "down", flat: "unchanged", new: "" } as const;

/** A change against the previous period: "+3.25 pp" for a margin, "+12.00%" for revenue; "new" without a previous value. */
export function MarginTrend({ trend, unit }: { trend: PointsTrend; unit: "pp" | "%" }) {
  if (trend.points === null) return <span className={`text-xs ${tone.new}`}>new</span>;
  return (
    <span className={`relative inline-flex items-baseline gap-1 tabular-nums ${tone[trend.direction]}`}>
      <span aria-hidden="true">{arrow[trend.direction]}</span>
      <span className="sr-only">{words[trend.direction]}</span>
      <span>
        {trend.points}
        {unit === "pp" ? " pp" : "%"}
      </span>
    </span>
  );
}
