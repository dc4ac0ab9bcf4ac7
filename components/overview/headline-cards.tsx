import Link from "next/link";
import { StatCard } from "@/components/ui/stat-card";
import { formatUsdTotal, formatUsdUnit } from "@/lib/format/format-money";
import { FORECAST_FORMULA } from "@/lib/overview/forecast-month-end";
import type { Overview } from "@/lib/overview/load-overview";
import { ChangeIndicator } from "./change-indicator";
import { formatLocalDate } from "./format";

// Cents read best for a run rate; below a cent, enough digits that it is not shown as $0.00.
const formatRate = (usd: string) => (Number(usd) >= 0.01 ? formatUsdTotal(usd) : formatUsdUnit(usd));

/** The four headline figures: month to date, forecast, change, unpriced usage. */
export function HeadlineCards({ overview, pricesHref }: { overview: Overview; pricesHref: string }) {
  const { monthToDate, forecast, change, previous } = overview;
  const events = monthToDate.events.toLocaleString("en-US");
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <StatCard label="Month-to-date spend" value={formatUsdTotal(monthToDate.costUsd)} testId="month-to-date">
        {formatLocalDate(overview.monthStartDate)} – {formatLocalDate(overview.today)} · {events} events
      </StatCard>
      <StatCard label="Forecast to month end" value={forecast ? formatUsdTotal(forecast.forecastUsd) : "Not enough data"} testId="forecast">
        {forecast ? (
          <>
            Run rate {formatRate(forecast.runRateUsd)}/day over {forecast.basisDays} {forecast.basisDays === 1 ? "day" : "days"}.{" "}
          </>
        ) : (
          <>Needs at least one complete day of spend. </>
        )}
        <details className="inline">
          <summary className="inline cursor-pointer text-accent-600 hover:underline" title={FORECAST_FORMULA}>
            How?
          </summary>
          <span className="mt-1 block">{FORECAST_FORMULA}</span>
        </details>
      </StatCard>
      <StatCard label="Change vs previous period" value={<ChangeIndicator change={change} showAmount={false} />} testId="change">
        {change.direction === "up" ? "+" : ""}
        {formatUsdTotal(change.amountUsd)} vs the same days last month ({formatUsdTotal(previous.costUsd)}, {formatLocalDate(overview.previousStartDate)} –{" "}
        {formatLocalDate(overview.previousEndLocal.slice(0, 10))} {overview.previousEndLocal.slice(11)})
      </StatCard>
      <StatCard label="Unpriced usage" value={`${monthToDate.unpricedEvents.toLocaleString("en-US")} events`} testId="unpriced">
        {monthToDate.unpricedEvents > 0 ? (
          <>
            Counted as $0 until priced.{" "}
            <Link href={pricesHref} className="text-accent-600 hover:underline">
              Set prices
            </Link>
          </>
        ) : (
          <>
            Every call this month has a price.{" "}
            <Link href={pricesHref} className="text-accent-600 hover:underline">
              Prices
            </Link>
          </>
        )}
      </StatCard>
    </div>
  );
}
