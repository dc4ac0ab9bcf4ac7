import type { Metadata } from "next";
import { CostHistogramChart } from "@/components/charts/cost-histogram-chart";
import { RangePicker } from "@/components/ui/range-picker";
import { WorkflowSummaryTable } from "@/components/workflows/workflow-summary-table";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/http/page-context";
import { summarizeWorkflows } from "@/lib/runs/summarize-workflows";
import { prepareSummaryRows, SUMMARY_CSV_HEADER, summaryCsvRows } from "@/lib/workflows-view/prepare-summary";
import { firstParam, rangeSearch, readWorkflowRange } from "@/lib/workflows-view/range";

export const metadata: Metadata = { title: "Workflows" };

/** How many workflows get their own histogram card (the dearest first). */
const HISTOGRAM_CARDS = 6;

/** SPEC 4 page 4: per workflow runs, cost per run, steps, success rate and cost per successful outcome. */
export default async function WorkflowsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await getPageContext((await params).slug);
  const search = await searchParams;
  const range = readWorkflowRange({ from: firstParam(search.from), to: firstParam(search.to) });
  const summary = await summarizeWorkflows(ctx, { from: range.from, to: range.to });
  const rows = prepareSummaryRows(summary.workflows);
  const base = `/o/${ctx.orgSlug}/workflows`;
  const keep = rangeSearch(range);
  const hrefOf = Object.fromEntries(rows.filter((r) => r.workflow !== null).map((r) => [r.key, `${base}/${encodeURIComponent(r.workflow!)}${keep}`]));
  return (
    <>
      <PageHeader
        title="Workflows"
        description={`Runs (decisions) per workflow, ${range.fromDay} through ${range.throughDay} (UTC) · amounts in USD`}
        actions={<RangePicker range={range} action={base} />}
      />
      {rows.length === 0 ? (
        <Card>
          <EmptyState title="No runs in this range">Send events with a run_id and a workflow, or pick a longer range.</EmptyState>
        </Card>
      ) : (
        <div className="space-y-6">
          <Card
            title="Cost per run by workflow"
            description="p50 and p95 are costs some run really had; success rate counts runs with an outcome."
            actions={<CsvExportButton filename={`workflows-${range.fromDay}-${range.throughDay}.csv`} header={SUMMARY_CSV_HEADER} rows={summaryCsvRows(summary.workflows)} />}
          >
            <WorkflowSummaryTable rows={rows} hrefOf={hrefOf} />
          </Card>
          <div className="grid gap-4 lg:grid-cols-2">
            {rows.slice(0, HISTOGRAM_CARDS).map((row) => (
              <Card key={row.key} title={row.name} description={`Cost per run · ${row.runs} runs · p50 ${row.p50} · p95 ${row.p95}`}>
                <CostHistogramChart bars={row.histogram} label={`Histogram of cost per run for ${row.name}`} />
              </Card>
            ))}
          </div>
        </div>
      )}
    </>
  );
}
