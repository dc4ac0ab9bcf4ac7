import type { Metadata } from "next";
import { FeaturesTable } from "@/components/features/features-table";
import { ChangeIndicator } from "@/components/overview/change-indicator";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RangePicker } from "@/components/ui/range-picker";
import { featureRangeSearch, readFeatureRange } from "@/lib/features/feature-range";
import { loadFeatures } from "@/lib/features/load-features";
import { FEATURES_CSV_HEADER, featuresCsvRows } from "@/lib/features/prepare-features";
import { formatUsdTotal } from "@/lib/format/format-money";
import { getPageContext } from "@/lib/http/page-context";
import { firstParam } from "@/lib/workflows-view/range";

export const metadata: Metadata = { title: "Features" };

/** SPEC 4 page 2: cost per feature with trend, calls, tokens, cost per call and per decision, model mix. */
export default async function FeaturesPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await getPageContext((await params).slug);
  const search = await searchParams;
  const range = readFeatureRange({ from: firstParam(search.from), to: firstParam(search.to) }, new Date(), ctx.timeZone);
  const view = await loadFeatures(ctx, range);
  const base = `/o/${ctx.orgSlug}/features`;
  const keep = featureRangeSearch(range);
  return (
    <>
      <PageHeader
        title="Features"
        description={`Cost per feature, ${range.fromDay} through ${range.throughDay} (${ctx.timeZone}); trend against the ${range.days} days before · amounts in USD`}
        actions={<RangePicker range={range} action={base} zone={ctx.timeZone} />}
      />
      {view.rows.length === 0 ? (
        <Card>
          <EmptyState title="No spend in this range">Send events with a feature, or pick a longer range.</EmptyState>
        </Card>
      ) : (
        <Card
          title={`${view.rows.length} ${view.rows.length === 1 ? "feature" : "features"} · ${formatUsdTotal(view.totalUsd)}`}
          description={
            <>
              All features together <ChangeIndicator change={view.change} /> vs {range.previousFromDay} – {range.previousThroughDay}
            </>
          }
          actions={<CsvExportButton filename={`${ctx.orgSlug}-features-${range.fromDay}-${range.throughDay}.csv`} header={FEATURES_CSV_HEADER} rows={featuresCsvRows(view.rows)} />}
        >
          <FeaturesTable rows={view.rows} hrefOf={(name) => `${base}/${encodeURIComponent(name)}${keep}`} />
          <p className="mt-3 text-xs text-slate-500">Cost per decision: the cost of the feature&apos;s runs that started in the range, divided by their number.</p>
        </Card>
      )}
    </>
  );
}
