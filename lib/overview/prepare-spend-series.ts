/** One day on the spend chart; null is a gap (no line), not zero. */
export type SpendPoint = {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** Spend that day in USD, or null when there is nothing to show. */
  spend: number | null;
  /** The forecast daily run rate, from today to month end; null elsewhere. */
  forecast: number | null;
};

/**
 * Daily spend by local date from the roll-up rows of a day-granularity query (`period` starts with
 * the local date). Roll-ups have no row for a day without events, so a missing day is ambiguous:
 * on or after the organization's first event day it IS zero spend (events were flowing, none that
 * day) and reads "0"; before it (or when there was never an event) nothing was being measured, so
 * it is a gap (null). Days with rows keep their exact decimal strings.
 */
export function fillDailySpend(
  rows: readonly { period: string; cost_usd: string }[],
  dates: readonly string[],
  firstEventDate: string | null,
): Map<string, string | null> {
  const byDate = new Map(rows.map((row) => [row.period.slice(0, 10), row.cost_usd]));
  return new Map(
    dates.map((date) => [date, byDate.get(date) ?? (firstEventDate !== null && date >= firstEventDate ? "0" : null)]),
  );
}

/**
 * Chart points: the known days as numbers (a float is fine for drawing; tables and headlines use
 * the exact strings), then the rest of the month with no spend. The forecast line runs from today
 * to the month's last day at the run rate; without a run rate there is no forecast line and no
 * empty days after today.
 */
export function prepareSpendSeries(input: {
  daily: ReadonlyMap<string, string | null>;
  today: string;
  restOfMonthDates: readonly string[];
  runRateUsd: string | null;
}): SpendPoint[] {
  const rate = input.runRateUsd === null ? null : Number(input.runRateUsd);
  const past: SpendPoint[] = [...input.daily].map(([date, cost]) => ({
    date,
    spend: cost === null ? null : Number(cost),
    forecast: date === input.today ? rate : null,
  }));
  const future: SpendPoint[] = rate === null ? [] : input.restOfMonthDates.map((date) => ({ date, spend: null, forecast: rate }));
  return [...past, ...future];
}
