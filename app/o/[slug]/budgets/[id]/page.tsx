import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BudgetStatus } from "@/components/budgets/budget-status";
import { BudgetSpendChart } from "@/components/charts/budget-spend-chart";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { can } from "@/lib/auth/org-context";
import { getBudgetSeries } from "@/lib/budgets/get-budget-series";
import { getBudgetOrThrow } from "@/lib/budgets/list-budgets";
import { alertsCsv, levelChangeLabel } from "@/lib/budgets-view/prepare-alert-feed";
import { percentOfAmount, periodLabel, scopeLabel } from "@/lib/budgets-view/prepare-budget-meter";
import { prepareBudgetChart } from "@/lib/budgets-view/prepare-budget-series";
import { AppError } from "@/lib/errors/app-error";
import { formatDateTime } from "@/lib/format/format-date";
import { formatUsdTotal } from "@/lib/format/format-money";
import { getPageContext } from "@/lib/http/page-context";

export const metadata: Metadata = { title: "Budget" };

const RECENT_ALERTS = 10;

/** One budget: its light and figures, the period's spend with the forecast and thresholds, what drives it, its settings and its alerts. */
export default async function BudgetPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const ctx = await getPageContext(slug);
  const [budget, series, recent] = await Promise.all([getBudgetOrThrow(ctx, id), getBudgetSeries(ctx, id), listAlerts(ctx, { budget_id: id, limit: RECENT_ALERTS })]).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const base = `/o/${ctx.orgSlug}`;
  const chart = prepareBudgetChart(series);
  const cap = budget.workflow_cap_pct;
  const alerts = alertsCsv(recent.alerts);
  const periodEnd = series.points.at(-1)?.date;
  return (
    <>
      <PageHeader
        title={budget.name}
        description={
          <>
            <Link href={`${base}/budgets`} className="text-accent-700 hover:underline">
              Budgets
            </Link>{" "}
            · {scopeLabel(budget.scope)} · {periodLabel(budget.period)} · period {series.points[0]?.date} to {periodEnd} ({ctx.timeZone})
          </>
        }
        actions={
          can(ctx, "manage_budgets") ? (
            <Link href={`${base}/budgets/${budget.id}/edit`} className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-3.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
              Edit budget
            </Link>
          ) : null
        }
      />
      <div className="space-y-6">
        <BudgetStatus orgSlug={ctx.orgSlug} initialBudget={budget} periodEnd={periodEnd} timeZone={ctx.timeZone} />

        <Card
          title="Spend this period"
          description={`Running total per day in ${ctx.timeZone}; dashed: forecast to the period's end at the recent run rate${series.run_rate_usd ? ` (${formatUsdTotal(series.run_rate_usd)} a day)` : ""}. Lines: yellow ${formatUsdTotal(series.yellow_usd)}, red ${formatUsdTotal(series.red_usd)}.`}
        >
          <BudgetSpendChart
            chart={chart}
            label={`${budget.name}: spend to date ${formatUsdTotal(budget.spend_usd)}${series.forecast_usd ? `, forecast ${formatUsdTotal(series.forecast_usd)}` : ""}, against yellow ${formatUsdTotal(series.yellow_usd)} and red ${formatUsdTotal(series.red_usd)}`}
          />
        </Card>

        <Card
          title="Workflows driving it"
          description={cap > 0 ? `A workflow over ${cap}% of the amount (${formatUsdTotal(percentOfAmount(budget.amount_usd, cap))}) turns the budget red.` : "The workflow cap is off for this budget."}
          actions={
            <CsvExportButton
              filename={`${ctx.orgSlug}-budget-${budget.id}-workflows.csv`}
              header={["workflow", "spend_usd", "share_of_amount_pct", "over_cap"]}
              rows={budget.workflows.map((w) => [w.workflow, w.spend_usd, w.share_pct, w.over_cap])}
            />
          }
        >
          {budget.workflows.length === 0 ? (
            <EmptyState title="No workflow spend in this period">Spend outside workflows counts toward the budget but not toward any cap.</EmptyState>
          ) : (
            <Table label="Workflows driving it">
              <thead>
                <tr>
                  <Th>Workflow</Th>
                  <Th numeric>Spend</Th>
                  <Th numeric>Share of amount</Th>
                  <Th>Cap</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {budget.workflows.map((w) => (
                  <tr key={w.workflow}>
                    <Td>
                      <Link href={`${base}/workflows/${encodeURIComponent(w.workflow)}`} className="font-medium text-slate-900 hover:underline">
                        {w.workflow}
                      </Link>
                    </Td>
                    <Td numeric>{formatUsdTotal(w.spend_usd)}</Td>
                    <Td numeric>{w.share_pct}%</Td>
                    <Td>{w.over_cap ? <Badge tone="red">Over cap</Badge> : cap > 0 ? <Badge tone="green">Within cap</Badge> : <span className="text-slate-500">Off</span>}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Settings">
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
              <dt className="text-slate-500">Scope</dt>
              <dd className="text-slate-900">{scopeLabel(budget.scope)}</dd>
              <dt className="text-slate-500">Period</dt>
              <dd className="text-slate-900">{periodLabel(budget.period)}</dd>
              <dt className="text-slate-500">Amount</dt>
              <dd className="tabular-nums text-slate-900">{formatUsdTotal(budget.amount_usd)}</dd>
              <dt className="text-slate-500">Yellow at</dt>
              <dd className="text-slate-900">{budget.yellow_pct}% of the amount, or when the forecast passes it</dd>
              <dt className="text-slate-500">Red at</dt>
              <dd className="text-slate-900">{budget.red_pct}% of the amount</dd>
              <dt className="text-slate-500">Workflow cap</dt>
              <dd className="text-slate-900">{cap > 0 ? `${cap}% of the amount` : "Off"}</dd>
              <dt className="text-slate-500">Channels</dt>
              <dd className="min-w-0 text-slate-900">
                {budget.channels.length === 0 ? (
                  <span className="text-slate-500">None: alerts show in the feed only</span>
                ) : (
                  <ul className="space-y-1">
                    {budget.channels.map((c, i) => (
                      <li key={i} className="break-all">
                        {c.type === "webhook" ? (
                          <>
                            Webhook {c.url} {c.has_secret ? <Badge>signed</Badge> : null}
                          </>
                        ) : (
                          <>Email {c.to}</>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </dl>
          </Card>

          <Card
            title="Recent alerts"
            actions={
              <>
                <CsvExportButton filename={`${ctx.orgSlug}-budget-${budget.id}-alerts.csv`} header={alerts.header} rows={alerts.rows} />
                <Link href={`${base}/alerts?status=all`} className="text-sm font-medium text-accent-700 hover:underline">
                  Alert feed
                </Link>
              </>
            }
          >
            {recent.alerts.length === 0 ? (
              <EmptyState title="No alerts yet">Each change of level raises one alert, up or down.</EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100">
                {recent.alerts.map((a) => (
                  <li key={a.id} className="py-2">
                    <p className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                      <span className="font-medium text-slate-900">{levelChangeLabel(a)}</span>
                      <span className="text-xs text-slate-500">{formatDateTime(a.created_at, ctx.timeZone)}</span>
                    </p>
                    <p className="text-xs text-slate-600">{a.reason}</p>
                    <p className="text-xs text-slate-500">{a.acknowledged_at ? `Acknowledged by ${a.acknowledged_by ?? "someone"}${a.note ? `: ${a.note}` : ""}` : "Open"}</p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
