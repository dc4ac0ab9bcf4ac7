import type { BudgetSeries } from "@/lib/budgets/get-budget-series";

/** One day on the budget chart; null is a gap (no line), not zero. */
export type BudgetChartPoint = {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** Running total of spend up to this day; null after today. */
  spend: number | null;
  /** The forecast's running total from today to the period's end; null before today. */
  forecast: number | null;
};

/** What the budget chart draws: the points, the threshold lines and the top of the axis. */
export type BudgetChart = {
  points: BudgetChartPoint[];
  amount: number;
  yellow: number;
  red: number;
  /** The y axis runs to here, so the red line and the forecast's end are always in view. */
  yMax: number;
  /** Five evenly spaced ticks from 0 to `yMax`. */
  yTicks: number[];
  hasForecast: boolean;
};

/**
 * Chart data from `getBudgetSeries`: the running spend to today, the forecast line from today on
 * (both meet at today, so the dashed line continues the solid one), and the amount and threshold
 * lines. Decides everything the chart shows; the exact strings stay with the tables.
 */
export function prepareBudgetChart(series: Pick<BudgetSeries, "points" | "amount_usd" | "yellow_usd" | "red_usd">): BudgetChart {
  const num = (v: string | null) => (v === null ? null : Number(v));
  const points = series.points.map((p) => ({ date: p.date, spend: num(p.cumulative_usd), forecast: num(p.forecast_cumulative_usd) }));
  const amount = Number(series.amount_usd);
  const yellow = Number(series.yellow_usd);
  const red = Number(series.red_usd);
  const highest = Math.max(amount, yellow, red, ...points.map((p) => Math.max(p.spend ?? 0, p.forecast ?? 0)));
  const yMax = niceCeiling(highest * 1.05);
  const yTicks = [0, 1, 2, 3, 4].map((i) => Number(((yMax * i) / 4).toPrecision(12)));
  return { points, amount, yellow, red, yMax, yTicks, hasForecast: points.some((p) => p.forecast !== null) };
}

/** The next "round" number at or above `n` (1, 2, 2.5, 5 × a power of ten), for an axis top. */
export function niceCeiling(n: number): number {
  if (!(n > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * power;
    if (candidate >= n - 1e-9 * power) return Number(candidate.toPrecision(12));
  }
  return 10 * power;
}
