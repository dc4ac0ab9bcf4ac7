import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SpendLineChart } from "@/components/charts/spend-line-chart";
import { AnomaliesCard } from "@/components/overview/anomalies-card";
import { BudgetLights } from "@/components/overview/budget-lights";
import { GettingStarted } from "@/components/overview/getting-started";
import { HeadlineCards } from "@/components/overview/headline-cards";
import { TopTable } from "@/components/overview/top-table";
import { UnpricedModels } from "@/components/overview/unpriced-models";
import { UNTAGGED } from "@/lib/costs/schemas";
import { loadAnomalies } from "@/lib/anomalies/load-anomalies";
import { listBudgets } from "@/lib/budgets/list-budgets";
import { getPageContext } from "@/lib/http/page-context";
import { loadGettingStarted } from "@/lib/overview/load-getting-started";
import { loadOverview } from "@/lib/overview/load-overview";

export const metadata: Metadata = { title: "Overview" };

/** The organization's home: this month's spend, forecast and top spenders; getting started until events arrive. */
export default async function OverviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await getPageContext((await params).slug);
  const now = new Date();
  const [overview, budgets, anomalies] = await Promise.all([loadOverview(ctx, now), listBudgets(ctx), loadAnomalies(ctx, { now, days: 7 })]);
  const header = <PageHeader title="Overview" description={`${ctx.orgName} · amounts in USD · days and months in ${ctx.timeZone}`} />;
  if (!overview.hasEvents) {
    return (
      <>
        {header}
        <GettingStarted steps={await loadGettingStarted(ctx)} />
      </>
    );
  }
  const base = `/o/${ctx.orgSlug}`;
  const pricesHref = `${base}/settings/prices`;
  const month = overview.monthStartDate.slice(0, 7);
  // The drill-down pages open on the same days the overview shows.
  const monthSpan = new URLSearchParams({ from: overview.monthStartDate, to: overview.today });
  return (
    <>
      {header}
      <div className="space-y-6">
        <HeadlineCards overview={overview} pricesHref={pricesHref} />
        <div className="grid gap-6 lg:grid-cols-2">
          <BudgetLights budgets={budgets} budgetsHref={`${base}/budgets`} />
          <AnomaliesCard anomalies={anomalies} base={base} />
        </div>
        <Card title="Spend over time" description={`Daily spend, last 60 days (${ctx.timeZone}); dashed: forecast daily run rate to month end. Gaps are days before the first event.`}>
          <SpendLineChart points={overview.series} label="Daily spend over the last 60 days with the forecast to month end" />
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <TopTable title="Top features" dimension="feature" rows={overview.topFeatures} filename={`${ctx.orgSlug}-top-features-${month}.csv`} hrefOf={(name) => `${base}/features/${encodeURIComponent(name)}?${monthSpan}`} />
          <TopTable title="Top workflows" dimension="workflow" rows={overview.topWorkflows} filename={`${ctx.orgSlug}-top-workflows-${month}.csv`} hrefOf={(name) => (name === UNTAGGED ? null : `${base}/workflows/${encodeURIComponent(name)}?${monthSpan}`)} />
        </div>
        <UnpricedModels models={overview.unpricedModels} pricesHref={pricesHref} />
      </div>
    </>
  );
}
