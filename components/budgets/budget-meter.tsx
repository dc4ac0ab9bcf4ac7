import type { BudgetLevel } from "@/lib/budgets/schemas";
import type { BudgetMeter as Meter } from "@/lib/budgets-view/prepare-budget-meter";

const FILL: Record<BudgetLevel, string> = { green: "bg-emerald-500", yellow: "bg-amber-400", red: "bg-red-600" };

/**
 * Spend against the amount as a bar, with the yellow and red thresholds as marks and the forecast
 * as a hollow tick. Draws the prepared positions; decides nothing.
 */
export function BudgetMeterBar({ meter, level, yellowPct, redPct, label }: { meter: Meter; level: BudgetLevel; yellowPct: number; redPct: number; label: string }) {
  return (
    <div className="pt-4 pb-1">
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(meter.usedPct, 100)}
        aria-valuetext={`${meter.usedPct}% of the amount spent${meter.forecastPct !== null ? `, forecast ${meter.forecastPct}%` : ""}; yellow at ${yellowPct}%, red at ${redPct}%`}
        className="relative h-3 w-full rounded-full bg-slate-100 ring-1 ring-inset ring-slate-200"
      >
        <div className={`h-3 rounded-full ${FILL[level]}`} style={{ width: `${meter.fillPct}%` }} />
        <Mark at={meter.yellowAtPct} className="bg-amber-500" text={`${yellowPct}%`} textClass="text-amber-800" />
        <Mark at={meter.redAtPct} className="bg-red-600" text={`${redPct}%`} textClass="text-red-700" />
        {meter.forecastAtPct !== null ? (
          <span aria-hidden="true" title="Forecast" className="absolute top-1/2 h-4 w-1.5 -translate-x-1/2 -translate-y-1/2 rounded-sm border-2 border-slate-700 bg-white" style={{ left: `${meter.forecastAtPct}%` }} />
        ) : null}
      </div>
    </div>
  );
}

function Mark({ at, className, text, textClass }: { at: number; className: string; text: string; textClass: string }) {
  return (
    <span aria-hidden="true" className="absolute -top-4 bottom-0 -translate-x-1/2" style={{ left: `${at}%` }}>
      <span className={`absolute -top-0.5 left-1/2 -translate-x-1/2 text-[10px] font-medium leading-none ${textClass}`}>{text}</span>
      <span className={`absolute top-3 bottom-0 left-1/2 w-0.5 -translate-x-1/2 ${className}`} style={{ height: "1.25rem" }} />
    </span>
  );
}
