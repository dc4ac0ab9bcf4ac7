import type { Metadata } from "next";
import Link from "next/link";
import { SpendLineChart } from "@/components/charts/spend-line-chart";
import { BreakdownTable } from "@/components/features/breakdown-table";
import { ModelMixBar } from "@/components/features/model-mix-bar";
import { ChangeIndicator } from "@/components/overview/change-indicator";
import { formatShare } from "@/components/overview/format";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RangePicker } from "@/components/ui/range-picker";
import { StatCard } from "@/components/ui/stat-card";
import { UNTAGGED } from "@/lib/costs/schemas";
import { addDays } from "@/lib/overview/overview-periods";
import { readFeatureRange } from "@/lib/features/feature-range";
import { loadFeature } from "@/lib/features/load-feature";
import { breakdownCsv, type BreakdownRow } from "@/lib/features/prepare-breakdown";
import { formatUsdTotal, formatUsdUnit } from "@/lib/format/format-money";
import { getPageContext } from "@/lib/http/page-context";
import { firstParam } from "@/lib/workflows-view/range";

export const metadata: Metadata = { title: "Feature" };

const count = new Intl.NumberFormat("en-US");

/** SPEC 4 page 2: one feature's cost, trend and where it goes: workflows, models, customers. */
export default async function FeaturePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; feature: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Next.js decodes the segment once already; decoding again would corrupt names with a literal "%".
  const { slug, feature } = await params;
  const ctx = await getPageContext(slug);
  const search = await searchParams;
  const range = readFeatureRange({ from: firstParam(search.from), to: firstParam(search.to) }, new Date(), ctx.timeZone);
  const view = await loadFeature(ctx, feature, range);
  const base = `/o/${ctx.orgSlug}`;
  const span = new URLSearchParams({ from: range.fromDay, to: range.throughDay });
  const filter = feature === UNTAGGED ? "" : `&feature=${encodeURIComponent(feature)}`;
  const why = `${base}/why?${new URLSearchParams({ from: range.fromDay, to: addDays(range.throughDay, 1), previous_from: range.previousFromDay, previous_to: range.fromDay })}${filter}`;
  const explorer = `${base}/explorer?${new URLSearchParams({ from: range.fromDay, to: addDays(range.throughDay, 1), group_by: "model" })}&feature=${encodeURIComponent(feature)}`;
  const file = (what: string) => `${ctx.orgSlug}-${feature}-${what}-${range.fromDay}-${range.throughDay}.csv`;
  const table = (title: string, heading: string, rows: BreakdownRow[], what: string, hrefOf?: (name: string) => string | null) => {
    const csv = breakdownCsv(heading.toLowerCase(), rows);
    return (
      <Card title={title} actions={<CsvExportButton filename={file(what)} header={csv.header} rows={csv.rows} />}>
        {rows.length === 0 ? <EmptyState title="No spend in this range" /> : <BreakdownTable label={title} heading={heading} rows={rows} hrefOf={hrefOf} />}
      </Card>
    );
  };
  return (
    <>
      <PageHeader
        title={feature}
        description={
          <>
            <Link href={`${base}/features?${span}`} className="text-accent-700 hover:underline">
              Features
            </Link>{" "}
            · {range.fromDay} through {range.throughDay} ({ctx.timeZone}) ·{" "}
            <Link href={why} className="text-accent-700 hover:underline">
              Why did it change?
            </Link>{" "}
            ·{" "}
            <Link href={explorer} className="text-accent-700 hover:underline">
              Open in Explorer
            </Link>
          </>
        }
        actions={<RangePicker range={range} action={`${base}/features/${encodeURIComponent(feature)}`} zone={ctx.timeZone} />}
      />
      {view.events === 0 ? (
        <Card>
          <EmptyState title="No spend for this feature in this range">Pick a longer range, or check the feature name on the Features page.</EmptyState>
        </Card>
      ) : (
        <div className="space-y-6">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <StatCard label="Cost" value={formatUsdTotal(view.costUsd)} testId="feature-total">
              <ChangeIndicator change={view.change} /> vs the {range.days} days before
            </StatCard>
            <StatCard label="Calls" value={count.format(view.events)} testId="feature-calls">
              {view.costPerCallUsd === null ? null : <>{formatUsdUnit(view.costPerCallUsd)} per call</>}
            </StatCard>
            <StatCard label="Cost per decision" value={view.costPerDecisionUsd === null ? "No runs" : formatUsdUnit(view.costPerDecisionUsd)} testId="feature-cost-per-decision">
              {count.format(view.runs)} runs started in the range
            </StatCard>
            <StatCard label="Top model's share" value={view.mix[0] ? formatShare(view.mix[0].share) : "–"} testId="feature-top-model">
              <ModelMixBar mix={view.mix} />
            </StatCard>
          </div>
          <Card title="Daily spend" description={`${ctx.timeZone} days; gaps are days before the feature's first spend in the range.`}>
            <SpendLineChart points={view.series} label={`Daily spend of ${feature}`} />
          </Card>
          {table("Workflows", "Workflow", view.workflows, "workflows", (name) => (name === UNTAGGED ? null : `${base}/workflows/${encodeURIComponent(name)}?${span}`))}
          {table("Models", "Model", view.models, "models")}
          {table("Customers", "Customer", view.customers, "customers")}
        </div>
      )}
    </>
  );
}
