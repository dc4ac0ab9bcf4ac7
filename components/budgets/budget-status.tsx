"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Card } from "@/components/ui/card";
import { StatCard } from "@/components/ui/stat-card";
import type { BudgetJson } from "@/lib/budgets/schemas";
import { fetchBudget } from "@/lib/budgets-view/fetch-budgets-view";
import { prepareBudgetMeter } from "@/lib/budgets-view/prepare-budget-meter";
import { budgetsViewKeys } from "@/lib/budgets-view/query-keys";
import { formatDateTime } from "@/lib/format/format-date";
import { formatUsdTotal } from "@/lib/format/format-money";
import { BUDGETS_POLL_MS } from "./budget-list";
import { BudgetMeterBar } from "./budget-meter";
import { LevelLight } from "./level-light";

/**
 * A budget's light, figures and reason, polled like the list; when spend or level moves, the
 * server parts of the page (chart, drivers, alerts) are refreshed too.
 */
export function BudgetStatus({ orgSlug, initialBudget, periodEnd, timeZone }: { orgSlug: string; initialBudget: BudgetJson; periodEnd: string | undefined; timeZone: string }) {
  const router = useRouter();
  const query = useQuery({
    queryKey: budgetsViewKeys.budget(orgSlug, initialBudget.id),
    queryFn: ({ signal }) => fetchBudget(orgSlug, initialBudget.id, signal),
    initialData: initialBudget,
    refetchInterval: BUDGETS_POLL_MS,
  });
  const b = query.data;
  const seen = useRef(`${initialBudget.level}:${initialBudget.spend_usd}`);
  useEffect(() => {
    const now = `${b.level}:${b.spend_usd}`;
    if (now !== seen.current) {
      seen.current = now;
      router.refresh();
    }
  }, [b.level, b.spend_usd, router]);
  const meter = prepareBudgetMeter(b);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Level" value={<LevelLight level={b.level} />} testId="budget-detail-level">
          {b.evaluated_at ? `Checked ${formatDateTime(b.evaluated_at, timeZone)}` : "Not evaluated yet"}
          {query.isError ? <span className="block text-red-700">Could not refresh: {query.error.message}</span> : null}
        </StatCard>
        <StatCard label="Spend this period" value={formatUsdTotal(b.spend_usd)} testId="budget-detail-spend">
          {meter.usedPct}% of the amount
        </StatCard>
        <StatCard label="Amount" value={formatUsdTotal(b.amount_usd)} testId="budget-detail-amount">
          Yellow at {b.yellow_pct}%, red at {b.red_pct}%
        </StatCard>
        <StatCard label="Forecast" value={b.forecast_usd !== null ? formatUsdTotal(b.forecast_usd) : "—"} testId="budget-detail-forecast">
          {b.forecast_usd !== null ? `By ${periodEnd ?? "the period's end"}${meter.forecastPct !== null ? `, ${meter.forecastPct}% of the amount` : ""}` : "Not enough history to forecast"}
        </StatCard>
      </div>
      <Card title="Why this colour">
        <p data-testid="budget-reason" className="text-sm text-slate-800">
          {b.reason || "Not evaluated yet"}
        </p>
        <BudgetMeterBar meter={meter} level={b.level} yellowPct={b.yellow_pct} redPct={b.red_pct} label={`${b.name}: spend against the amount`} />
      </Card>
    </>
  );
}
