"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import type { BudgetJson } from "@/lib/budgets/schemas";
import { fetchBudgets } from "@/lib/budgets-view/fetch-budgets-view";
import { budgetsCsv, periodLabel, prepareBudgetMeter, scopeLabel } from "@/lib/budgets-view/prepare-budget-meter";
import { budgetsViewKeys } from "@/lib/budgets-view/query-keys";
import { formatUsdTotal } from "@/lib/format/format-money";
import { BudgetDriversInline } from "./budget-drivers";
import { BudgetMeterBar } from "./budget-meter";
import { LevelLight } from "./level-light";

/** How often the list asks for levels again: the worker evaluates every few seconds, alerts within a minute. */
export const BUDGETS_POLL_MS = 5_000;

const counted = (budgets: BudgetJson[]) => {
  const n = { red: 0, yellow: 0, green: 0 };
  for (const b of budgets) n[b.level] += 1;
  return `${n.red} red · ${n.yellow} yellow · ${n.green} green`;
};

/**
 * Every budget as a light with its spend bar, forecast, reason and driving workflows. The server
 * renders the first list; TanStack Query polls `GET /api/v1/budgets` so colours change without a reload.
 */
export function BudgetList({ orgSlug, initialBudgets, canManage }: { orgSlug: string; initialBudgets: BudgetJson[]; canManage: boolean }) {
  const base = `/o/${orgSlug}`;
  const query = useQuery({
    queryKey: budgetsViewKeys.budgets(orgSlug),
    queryFn: ({ signal }) => fetchBudgets(orgSlug, signal),
    initialData: initialBudgets,
    refetchInterval: BUDGETS_POLL_MS,
  });
  const budgets = query.data;
  const csv = budgetsCsv(budgets);
  const createLink = (
    <Link href={`${base}/budgets/new`} className="inline-flex h-9 items-center rounded-md bg-accent-600 px-3.5 text-sm font-medium text-white hover:bg-accent-700">
      Create a budget
    </Link>
  );

  return (
    <div className="space-y-4">
      {query.isError ? (
        <Alert>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <span>
              <span className="font-medium">Levels could not be refreshed.</span> {query.error.message} The list below may be out of date.
            </span>
            <Button type="button" variant="secondary" onClick={() => void query.refetch()}>
              Retry
            </Button>
          </div>
        </Alert>
      ) : null}
      <Card
        title="Budgets"
        description={
          budgets.length === 0 ? (
            "No budgets yet"
          ) : (
            <>
              {counted(budgets)} · updates every few seconds · bar: spend so far; marks: the yellow and red thresholds; hollow tick: the forecast
            </>
          )
        }
        actions={<CsvExportButton filename={`${orgSlug}-budgets.csv`} header={csv.header} rows={csv.rows} />}
      >
        {budgets.length === 0 ? (
          <EmptyState title="No budgets yet" action={canManage ? createLink : undefined}>
            A budget watches spend for the whole organization or one feature, team, customer, workflow, provider or model over a day, week, month or quarter. It turns{" "}
            <strong>yellow</strong> near its amount or when the forecast passes it, and <strong>red</strong> at its amount or when one workflow runs away, and sends an alert
            each time.{canManage ? "" : " Someone with the Finance, Admin or Owner role can create one."}
          </EmptyState>
        ) : (
          <ul className="-my-4 divide-y divide-slate-100">
            {budgets.map((b) => (
              <BudgetItem key={b.id} budget={b} base={base} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function BudgetItem({ budget: b, base }: { budget: BudgetJson; base: string }) {
  const meter = prepareBudgetMeter(b);
  return (
    <li data-testid="budget-row" data-budget-id={b.id} data-level={b.level} className="py-4">
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <LevelLight level={b.level} />
            <Link href={`${base}/budgets/${b.id}`} className="font-medium text-slate-900 hover:underline">
              {b.name}
            </Link>
          </div>
          <p className="mt-1 text-xs text-slate-500">
            {scopeLabel(b.scope)} · {periodLabel(b.period)}
          </p>
        </div>
        <div className="text-sm tabular-nums sm:text-right">
          <p className="text-slate-900">
            <span data-testid="budget-spend">{formatUsdTotal(b.spend_usd)}</span> of {formatUsdTotal(b.amount_usd)} <span className="text-slate-500">({meter.usedPct}%)</span>
          </p>
          <p className="text-xs text-slate-500">{b.forecast_usd !== null ? <>Forecast {formatUsdTotal(b.forecast_usd)} by the period&apos;s end</> : "No forecast yet"}</p>
        </div>
      </div>
      <BudgetMeterBar meter={meter} level={b.level} yellowPct={b.yellow_pct} redPct={b.red_pct} label={`${b.name}: spend against the amount`} />
      <p data-testid="budget-reason" className="mt-1 text-sm text-slate-700">
        {b.reason || "Not evaluated yet"}
      </p>
      <div className="mt-1 text-xs">
        <span className="text-slate-500">Driving it: </span>
        <BudgetDriversInline drivers={b.workflows} workflowsHref={`${base}/workflows`} />
      </div>
    </li>
  );
}
