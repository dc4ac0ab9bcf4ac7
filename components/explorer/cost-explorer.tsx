"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { StackedCostChart } from "@/components/charts/stacked-cost-chart";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { CostsResult } from "@/lib/costs/query-costs";
import type { CostDimension } from "@/lib/costs/schemas";
import { costsUrl, fetchCosts } from "@/lib/explorer/fetch-costs";
import { formatUsdTotal } from "@/lib/format/format-money";
import { prepareCostTable } from "@/lib/explorer/prepare-cost-table";
import { prepareStackedSeries } from "@/lib/explorer/prepare-stacked-series";
import { explorerKeys } from "@/lib/explorer/query-keys";
import { canonicalSearch, rangeInputs, readView, toParamFromThrough, withParam } from "@/lib/explorer/url-state";
import { CostTableView, dimensionLabel } from "./cost-table";
import { ExplorerControls } from "./explorer-controls";

const axisMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 2 });
const tooltipMoney = (value: number) => formatUsdTotal(value.toFixed(10));

/**
 * The cost explorer. The URL holds the view (the API's parameter names); the first answer comes
 * from the server, later ones from `GET /api/v1/costs` through TanStack Query.
 */
export function CostExplorer({
  orgSlug,
  timeZone,
  initialSearch,
  initialResult,
  initialError,
}: {
  orgSlug: string;
  timeZone: string;
  initialSearch: string;
  initialResult: CostsResult | null;
  initialError: string | null;
}) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const search = canonicalSearch(new URLSearchParams(searchParams.toString())).toString();
  const view = readView(new URLSearchParams(search));

  const query = useQuery({
    queryKey: explorerKeys.costs(orgSlug, search),
    queryFn: ({ signal }) => fetchCosts(orgSlug, search, signal),
    initialData: search === initialSearch && initialResult ? initialResult : undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });

  // A shallow URL update: Next.js keeps useSearchParams in sync without a server round trip.
  function navigate(next: URLSearchParams) {
    const text = next.toString();
    window.history.replaceState(null, "", text ? `${pathname}?${text}` : pathname);
  }
  const current = () => new URLSearchParams(search);

  const result = query.data;
  const serverError = search === initialSearch && !initialResult ? initialError : null;
  const error = query.error ? query.error.message : serverError;
  const busy = query.isFetching;

  const prepared = useMemo(() => {
    if (!result) return null;
    const dimension = result.group_by[0];
    const chart = prepareStackedSeries(result, { dimension, timeZone });
    const table = prepareCostTable(result);
    const knownValues: Partial<Record<CostDimension, string[]>> = {};
    result.group_by.forEach((d) => {
      knownValues[d] = [...new Set(result.rows.map((row) => row[d] ?? "(untagged)"))].sort();
    });
    return { chart, table, knownValues, range: rangeInputs(result.from, result.to) };
  }, [result, timeZone]);

  const range = prepared?.range ?? { from: new URLSearchParams(search).get("from")?.slice(0, 10) ?? "", through: "" };
  const stackedBy = result?.group_by[0];

  return (
    <div className="space-y-6">
      <Card>
        <ExplorerControls
          view={view}
          range={range}
          knownValues={prepared?.knownValues ?? {}}
          onGranularity={(g) => navigate(withParam(current(), "granularity", [g]))}
          onGroupBy={(groupBy) => navigate(withParam(current(), "group_by", groupBy.length > 0 ? [groupBy.join(",")] : []))}
          onRange={(from, through) => navigate(withParam(withParam(current(), "from", [from]), "to", [toParamFromThrough(through)]))}
          onFilters={(dimension, values) => navigate(withParam(current(), dimension, values))}
        />
      </Card>

      {error ? (
        <Alert>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <span>
              <span className="font-medium">Costs could not be loaded.</span> {error}
            </span>
            <span className="flex gap-2">
              <Button type="button" variant="secondary" onClick={() => void query.refetch()}>
                Retry
              </Button>
              <Button type="button" variant="ghost" onClick={() => navigate(new URLSearchParams())}>
                Reset view
              </Button>
            </span>
          </div>
        </Alert>
      ) : null}

      {result && prepared ? (
        <div aria-busy={busy} className={`space-y-6 transition-opacity ${busy ? "opacity-60" : ""}`}>
          <p role="status" className="sr-only">
            {busy ? "Updating costs…" : ""}
          </p>
          <Card
            title={stackedBy ? `Spend by ${dimensionLabel(stackedBy).toLowerCase()}` : "Spend"}
            description={`${formatUsdTotal(result.total.cost_usd)} from ${prepared.range.from} through ${prepared.range.through} · per ${result.granularity} in ${timeZone}`}
            actions={busy ? <span className="text-xs text-slate-500">Updating…</span> : null}
          >
            {result.rows.length === 0 ? (
              <EmptyState title="No spend in this range">
                No AI calls were recorded for these dates and filters. Widen the range, remove a filter, or check that your services send events with an ingest key.
              </EmptyState>
            ) : (
              <StackedCostChart
                title={stackedBy ? `Spend per ${result.granularity} by ${dimensionLabel(stackedBy).toLowerCase()}` : `Spend per ${result.granularity}`}
                description={`Stacked bars of cost in USD per ${result.granularity}; ${prepared.chart.series.map((s) => `${s.label} ${formatUsdTotal(s.total)}`).join(", ")}. Periods without spend are empty.`}
                data={prepared.chart.periods}
                series={prepared.chart.series}
                formatAxis={(v) => axisMoney.format(v)}
                formatValue={tooltipMoney}
              />
            )}
          </Card>
          {result.rows.length > 0 ? (
            <Card
              title="Breakdown"
              description="Totals over the whole range; download the per-period rows as CSV or FOCUS."
              actions={
                <>
                  <a className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-2.5 text-xs font-medium text-slate-700 hover:bg-slate-50" href={costsUrl(orgSlug, search, "csv")} download>
                    Download CSV
                  </a>
                  <a className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-2.5 text-xs font-medium text-slate-700 hover:bg-slate-50" href={costsUrl(orgSlug, search, "focus")} download>
                    Download FOCUS
                  </a>
                </>
              }
            >
              <CostTableView table={prepared.table} fileName={`explorer-${prepared.range.from}-${prepared.range.through}.csv`} />
            </Card>
          ) : null}
        </div>
      ) : !error ? (
        <div role="status" className="h-80 animate-pulse rounded-lg border border-slate-200 bg-slate-50">
          <span className="sr-only">Loading costs…</span>
        </div>
      ) : null}
    </div>
  );
}
