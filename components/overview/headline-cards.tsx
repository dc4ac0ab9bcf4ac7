import Link from "next/link";
import type { ReactNode } from "react";
import { formatUsdTotal, formatUsdUnit } from "@/lib/format/format-money";
import { FORECAST_FORMULA } from "@/lib/overview/forecast-month-end";
import type { Overview } from "@/lib/overview/load-overview";
import { ChangeIndicator } from "./change-indicator";
import { formatLocalDate } from "./format";

// Cents read best for a run rate; below a cent, enough digits that it is not shown as $0.00.
const formatRate = (usd: string) => (Number(usd) >= 0.01 ? formatUsdTotal(usd) : formatUsdUnit(usd));

function Headline({ label, value, testId, children }: { label: string; value: ReactNode; testId: string; children?: ReactNode }) {
  return (
    <section aria-label={label} className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-xs">
      <h2 className="text-sm text-slate-500">{label}</h2>
      <p data-testid={testId} className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">
        {value}
      </p>
      {children ? <div className="mt-1 text-xs text-slate-500">{children}</div> : null}
    </section>
  );
}

/** The four headline figures: month to date, forecast, change, unpriced usage. */
export function HeadlineCards({ overview, pricesHref }: { overview: Overview; pricesHref: string }) {
  const { monthToDate, forecast, change, previous } = overview;
  const events = monthToDate.events.toLocaleString("en-US");
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Headline label="Month-to-date spend" value={formatUsdTotal(monthToDate.costUsd)} testId="month-to-date">
        {formatLocalDate(overview.monthStartDate)} – {formatLocalDate(overview.today)} · {events} events
      </Headline>
      <Headline label="Forecast to month end" value={forecast ? formatUsdTotal(forecast.forecastUsd) : "Not enough data"} testId="forecast">
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
      </Headline>
      <Headline label="Change vs previous period" value={<ChangeIndicator change={change} showAmount={false} />} testId="change">
        {change.direction === "up" ? "+" : ""}
        {formatUsdTotal(change.amountUsd)} vs the same days last month ({formatUsdTotal(previous.costUsd)}, {formatLocalDate(overview.previousStartDate)} –{" "}
        {formatLocalDate(overview.previousEndLocal.slice(0, 10))} {overview.previousEndLocal.slice(11)})
      </Headline>
      <Headline label="Unpriced usage" value={`${monthToDate.unpricedEvents.toLocaleString("en-US")} events`} testId="unpriced">
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
      </Headline>
    </div>
  );
}
