import { forecastMonthEnd, RECENT_DAYS, EARLIER_DAYS, type MonthEndForecast } from "@/lib/overview/forecast-month-end";
import { addDays } from "@/lib/overview/overview-periods";

/** Complete days before today that the run rate looks at. */
export const HISTORY_DAYS = RECENT_DAYS + EARLIER_DAYS;

/**
 * Forecast to the period's end (SPEC 5): period-to-date spend plus the weighted daily run rate of
 * the last 28 complete days (the last 7 count twice) times the days left. It is the overview's
 * month-end formula (`forecastMonthEnd`, whose arithmetic does not depend on the period), fed
 * with the budget's scope. Days before `firstKnownDate` are gaps, not zeros; null without history.
 */
export function forecastBudget(input: {
  periodToDateUsd: string;
  /** Spend of the scope per local date; a date absent here but on or after `firstKnownDate` is $0. */
  dailyUsd: ReadonlyMap<string, string>;
  /** The first local date the scope is known to exist from; null when it never spent. */
  firstKnownDate: string | null;
  today: string;
  daysLeft: number;
}): MonthEndForecast | null {
  const daily = new Map<string, string | null>();
  for (let back = 1; back <= HISTORY_DAYS; back++) {
    const date = addDays(input.today, -back);
    daily.set(date, input.firstKnownDate === null || date < input.firstKnownDate ? null : (input.dailyUsd.get(date) ?? "0"));
  }
  return forecastMonthEnd({ monthToDateUsd: input.periodToDateUsd, daily, today: input.today, daysLeft: input.daysLeft });
}

/**
 * The first local date a budget's scope is known to exist from, for `forecastBudget`: the whole
 * organization's first event date, as on the overview; for a scope, its first spend within the
 * history window (a feature launched last week has no zero days before it). Null without history.
 */
export function firstKnownDate(input: { wholeOrg: boolean; orgFirstDate: string | null; dailyUsd: ReadonlyMap<string, string>; today: string }): string | null {
  if (input.wholeOrg) return input.orgFirstDate;
  return [...input.dailyUsd.keys()].filter((d) => d < input.today).sort()[0] ?? null;
}
