"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { LevelLight } from "@/components/budgets/level-light";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import type { AlertJson } from "@/lib/alerts/schemas";
import { BUDGET_LEVELS, type BudgetLevel } from "@/lib/budgets/schemas";
import { fetchAlertFeed } from "@/lib/budgets-view/fetch-budgets-view";
import { ALERT_FILTERS, alertsCsv, channelLabel, deliveryStatusText, filterAlerts, isEscalation, levelWord, type AlertFilter } from "@/lib/budgets-view/prepare-alert-feed";
import { budgetsViewKeys } from "@/lib/budgets-view/query-keys";
import { formatDateTime } from "@/lib/format/format-date";
import { formatUsdTotal } from "@/lib/format/format-money";
import { AcknowledgeAlertForm } from "./acknowledge-alert-form";
import { DeliveryLog } from "./delivery-log";

/** How often the feed asks for new alerts. */
export const ALERTS_POLL_MS = 5_000;

const FILTER_WORD: Record<AlertFilter, string> = { open: "Open", acknowledged: "Acknowledged", all: "All" };
const isLevel = (level: string | null): level is BudgetLevel => (BUDGET_LEVELS as readonly (string | null)[]).includes(level);

/**
 * The alert feed, newest first: each change of level with its budget, figures, reason and where
 * it was delivered. Server-rendered first; TanStack Query polls `GET /api/v1/alerts`. The filter
 * lives in the URL (`?status=`).
 */
export function AlertFeed({ orgSlug, timeZone, filter, initialAlerts, canManage }: { orgSlug: string; timeZone: string; filter: AlertFilter; initialAlerts: AlertJson[]; canManage: boolean }) {
  const base = `/o/${orgSlug}`;
  const query = useQuery({
    queryKey: budgetsViewKeys.alertFeed(orgSlug, filter),
    queryFn: ({ signal }) => fetchAlertFeed(orgSlug, filter, signal),
    initialData: initialAlerts,
    refetchInterval: ALERTS_POLL_MS,
  });
  const alerts = filterAlerts(query.data, filter);
  const csv = alertsCsv(alerts);

  return (
    <div className="space-y-4">
      {query.isError ? (
        <Alert>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <span>
              <span className="font-medium">The feed could not be refreshed.</span> {query.error.message}
            </span>
            <Button type="button" variant="secondary" onClick={() => void query.refetch()}>
              Retry
            </Button>
          </div>
        </Alert>
      ) : null}
      <Card
        title="Alert feed"
        description="One alert per change of level, up or down · newest first · updates every few seconds"
        actions={<CsvExportButton filename={`${orgSlug}-alerts-${filter}.csv`} header={csv.header} rows={csv.rows} />}
      >
        <nav aria-label="Filter alerts" className="-mt-1 mb-3 flex flex-wrap gap-1">
          {ALERT_FILTERS.map((f) => (
            <Link
              key={f}
              href={`${base}/alerts?status=${f}`}
              scroll={false}
              aria-current={f === filter ? "page" : undefined}
              className={`inline-flex h-8 items-center rounded-md px-3 text-sm font-medium ${f === filter ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {FILTER_WORD[f]}
            </Link>
          ))}
        </nav>
        {alerts.length === 0 ? (
          <EmptyState title={filter === "open" ? "No open alerts" : filter === "acknowledged" ? "No acknowledged alerts" : "No alerts yet"}>
            {filter === "open"
              ? "Every alert has been acknowledged, or no budget has changed level. "
              : "Alerts appear here when a budget changes level. "}
            <Link href={`${base}/budgets`} className="text-accent-700 hover:underline">
              See the budgets
            </Link>
            .
          </EmptyState>
        ) : (
          <ol className="-mb-4 divide-y divide-slate-100">
            {alerts.map((a) => (
              <AlertItem key={a.id} alert={a} base={base} orgSlug={orgSlug} timeZone={timeZone} canManage={canManage} />
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}

function AlertItem({ alert: a, base, orgSlug, timeZone, canManage }: { alert: AlertJson; base: string; orgSlug: string; timeZone: string; canManage: boolean }) {
  const worse = isEscalation(a);
  return (
    <li data-testid="alert-row" data-alert-id={a.id} className="py-4">
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className="sr-only">{worse ? "Escalated" : "Eased"} from</span>
            {isLevel(a.previous_level) ? <LevelLight level={a.previous_level} testId="alert-from" /> : <span data-testid="alert-from">{levelWord(a.previous_level)}</span>}
            <span aria-hidden="true" className="text-slate-400">
              →
            </span>
            <span className="sr-only">to</span>
            {isLevel(a.level) ? <LevelLight level={a.level} testId="alert-to" /> : <span data-testid="alert-to">{levelWord(a.level)}</span>}
            {a.budget_id ? (
              <Link href={`${base}/budgets/${a.budget_id}`} className="font-medium text-slate-900 hover:underline">
                {a.title}
              </Link>
            ) : (
              <span className="font-medium text-slate-900">{a.title}</span>
            )}
          </p>
          <p className="text-sm text-slate-700">{a.reason}</p>
          <p className="text-xs tabular-nums text-slate-500">
            <time dateTime={a.created_at}>{formatDateTime(a.created_at, timeZone)}</time>
            {a.spend_usd !== null && a.amount_usd !== null ? (
              <>
                {" "}
                · {formatUsdTotal(a.spend_usd)} of {formatUsdTotal(a.amount_usd)}
              </>
            ) : null}
            {a.forecast_usd !== null ? <> · forecast {formatUsdTotal(a.forecast_usd)}</> : null}
          </p>
          {a.deliveries.length > 0 ? (
            <ul aria-label="Deliveries" className="space-y-0.5 text-xs">
              {a.deliveries.map((d) => (
                <li key={d.id} data-testid="alert-delivery" className="break-all">
                  <span className="text-slate-500">{channelLabel(d.channel)}:</span>{" "}
                  <span className={d.status === "delivered" ? "text-emerald-800" : d.status === "failed" ? "text-red-700" : "text-amber-800"}>{deliveryStatusText(d)}</span>
                  {d.status === "pending" && d.next_attempt_at ? <span className="text-slate-500"> · next try {formatDateTime(d.next_attempt_at, timeZone)}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-xs text-slate-500">No channels: shown in this feed only</p>
          )}
          {a.deliveries.length > 0 ? <DeliveryLog orgSlug={orgSlug} alertId={a.id} timeZone={timeZone} /> : null}
        </div>
        <div className="shrink-0">
          {a.acknowledged_at ? (
            <div data-testid="alert-acknowledged" className="max-w-xs text-sm text-slate-700">
              <p>
                <span className="font-medium">Acknowledged</span> by {a.acknowledged_by ?? "someone"}, {formatDateTime(a.acknowledged_at, timeZone)}
              </p>
              {a.note ? <p data-testid="alert-note" className="mt-0.5 whitespace-pre-wrap text-slate-600">&ldquo;{a.note}&rdquo;</p> : null}
            </div>
          ) : canManage ? (
            <AcknowledgeAlertForm orgSlug={orgSlug} alertId={a.id} title={`${a.title}, ${levelWord(a.previous_level)} to ${levelWord(a.level)}`} />
          ) : (
            <span className="text-sm text-slate-500">Open</span>
          )}
        </div>
      </div>
    </li>
  );
}
