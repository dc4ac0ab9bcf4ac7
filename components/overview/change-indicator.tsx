import { formatUsdTotal } from "@/lib/format/format-money";
import type { Change } from "@/lib/overview/compare-periods";
import { formatChangeRatio } from "./format";

// More spend reads red and less green, the way a cost report reads; no change stays neutral.
const tone = { up: "text-red-700", down: "text-emerald-700", flat: "text-slate-600" } as const;
const arrow = { up: "↑", down: "↓", flat: "→" } as const;
const words = { up: "up", down: "down", flat: "unchanged" } as const;

/** A change as an arrow, a signed percentage and the signed amount. */
export function ChangeIndicator({ change, showAmount = true }: { change: Change; showAmount?: boolean }) {
  const amount = formatUsdTotal(change.amountUsd);
  return (
    <span className={`inline-flex items-baseline gap-1 tabular-nums ${tone[change.direction]}`}>
      <span aria-hidden="true">{arrow[change.direction]}</span>
      <span className="sr-only">{words[change.direction]}</span>
      <span>{formatChangeRatio(change.ratio)}</span>
      {showAmount ? <span className="text-slate-500">({change.direction === "up" ? "+" : ""}{amount})</span> : null}
    </span>
  );
}
