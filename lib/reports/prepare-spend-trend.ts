import { fromUnits, toUnits } from "@/lib/format/decimal";

/** How many months the board report's trend shows, ending with the period's last month. */
export const TREND_MONTHS = 6;

/** One month of the trend; a null spend is a gap (before the first event, or still to come). */
export type TrendPoint = {
  month: string;
  label: string;
  spend_usd: string | null;
  /** The month's forecast total while it is running or still to come; null for closed months. */
  forecast_usd: string | null;
  /** The month is still running: its spend is to date. */
  partial: boolean;
};

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Adds months to a `YYYY-MM` month. */
export function addMonths(month: string, count: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** `count` consecutive months ending with `lastMonth`, oldest first. */
export function monthsEndingAt(lastMonth: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(lastMonth, i - count + 1));
}

/** "Oct 2026". */
export function shortMonthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${MONTH_NAMES[m - 1]} ${y}`;
}

const daysInMonth = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/**
 * The monthly spend trend with its forecast. Months before the first month with usage, and months
 * still to come, are gaps; a month on or after the first with usage but without a row spent $0.
 * The running month carries its month-end forecast; a month still to come is forecast at the run
 * rate for all its days. Without a run rate (no history) nothing is forecast.
 */
export function prepareSpendTrend(input: {
  months: readonly string[];
  spendByMonth: ReadonlyMap<string, string>;
  firstDataMonth: string | null;
  currentMonth: string;
  currentMonthForecastUsd: string | null;
  runRateUsd: string | null;
}): TrendPoint[] {
  return input.months.map((month) => {
    const future = month > input.currentMonth;
    const current = month === input.currentMonth;
    const before = input.firstDataMonth === null || month < input.firstDataMonth;
    const spend = future || before ? null : (input.spendByMonth.get(month) ?? "0.0000000000");
    let forecast: string | null = null;
    if (current) forecast = input.currentMonthForecastUsd;
    else if (future && input.runRateUsd !== null) forecast = fromUnits(toUnits(input.runRateUsd) * BigInt(daysInMonth(month)));
    return { month, label: shortMonthLabel(month), spend_usd: spend, forecast_usd: forecast, partial: current };
  });
}

/**
 * The period's expected total: closed months' spend plus the running and future months' forecast.
 * Null when the period is closed, or a running or future month has no forecast.
 */
export function forecastPeriodTotal(points: readonly TrendPoint[], periodMonths: readonly string[], currentMonth: string): string | null {
  const inPeriod = points.filter((p) => periodMonths.includes(p.month));
  if (inPeriod.length !== periodMonths.length || !periodMonths.some((m) => m >= currentMonth)) return null;
  let sum = BigInt(0);
  for (const p of inPeriod) {
    if (p.month >= currentMonth) {
      if (p.forecast_usd === null) return null;
      sum += toUnits(p.forecast_usd);
    } else sum += toUnits(p.spend_usd ?? "0");
  }
  return fromUnits(sum);
}
