import { Prisma } from "@/lib/db/generated/client";
import { addDays } from "./overview-periods";

const Decimal = Prisma.Decimal;

/** Weight of each of the last 7 complete days, and of each of the 21 days before them. */
export const RECENT_DAYS = 7;
export const RECENT_WEIGHT = 2;
export const EARLIER_DAYS = 21;
export const EARLIER_WEIGHT = 1;

/** How the forecast is computed, in words, for the page's tooltip. */
export const FORECAST_FORMULA =
  "Month-to-date spend + run rate × days left. Run rate = weighted daily average of the last 28 complete days: each of the last 7 days counts twice, each of the 21 days before once; days before the first event are left out.";

export type MonthEndForecast = {
  /** Month-to-date plus the run rate times the days left, as an exact decimal string. */
  forecastUsd: string;
  /** The weighted daily run rate. */
  runRateUsd: string;
  /** How many complete days the run rate rests on. */
  basisDays: number;
};

/**
 * Forecast to month end (SPEC 5): `mtd + rate × daysLeft` with
 * `rate = Σ wᵢ·costᵢ / Σ wᵢ` over the 28 complete local days before today, `wᵢ = 2` for the last 7
 * and `1` for the 21 before. A day is known when `daily` has it: a number (0 is real zero spend)
 * or null for a gap (before the organization's first event), which is left out of both sums.
 * Today is partial, so it only counts through `monthToDateUsd`. Null when no complete day is known:
 * no history means no forecast, not a forecast of zero.
 */
export function forecastMonthEnd(input: {
  monthToDateUsd: string;
  /** Daily spend by local date `YYYY-MM-DD`; a missing or null date is a gap. */
  daily: ReadonlyMap<string, string | null>;
  today: string;
  daysLeft: number;
}): MonthEndForecast | null {
  let weighted = new Decimal(0);
  let weights = 0;
  let basisDays = 0;
  for (let back = 1; back <= RECENT_DAYS + EARLIER_DAYS; back++) {
    const cost = input.daily.get(addDays(input.today, -back));
    if (cost === undefined || cost === null) continue;
    const weight = back <= RECENT_DAYS ? RECENT_WEIGHT : EARLIER_WEIGHT;
    weighted = weighted.plus(new Decimal(cost).times(weight));
    weights += weight;
    basisDays += 1;
  }
  if (weights === 0) return null;
  const rate = weighted.dividedBy(weights);
  const forecast = new Decimal(input.monthToDateUsd).plus(rate.times(Math.max(0, input.daysLeft)));
  return { forecastUsd: forecast.toDecimalPlaces(10).toFixed(10), runRateUsd: rate.toDecimalPlaces(10).toFixed(10), basisDays };
}
