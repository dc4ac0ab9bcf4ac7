import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RunWaterfall } from "@/components/charts/run-waterfall";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AppError } from "@/lib/errors/app-error";
import { getPageContext } from "@/lib/http/page-context";
import { getRunOrThrow, type RunDetail } from "@/lib/runs/get-run";
import { CALLS_CSV_HEADER, callsCsvRows, prepareRunHeader } from "@/lib/workflows-view/prepare-run-header";
import { prepareWaterfall } from "@/lib/workflows-view/prepare-waterfall";

export const metadata: Metadata = { title: "Run" };

/** SPEC 4 page 4: one run's header figures and its step-by-step waterfall. */
export default async function RunPage({ params }: { params: Promise<{ slug: string; runId: string }> }) {
  // Next.js decodes the segment once already; the run id is used as given.
  const { slug, runId } = await params;
  const ctx = await getPageContext(slug);
  let run: RunDetail;
  try {
    run = await getRunOrThrow(ctx, runId);
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "INVALID_INPUT")) notFound();
    throw error;
  }
  const figures = prepareRunHeader(run);
  const waterfall = prepareWaterfall(run);
  const workflowsBase = `/o/${ctx.orgSlug}/workflows`;
  return (
    <>
      <PageHeader
        title={`Run ${run.run_id}`}
        description={
          <>
            <Link href={workflowsBase} className="text-accent-700 hover:underline">
              Workflows
            </Link>
            {run.workflow !== null ? (
              <>
                {" / "}
                <Link href={`${workflowsBase}/${encodeURIComponent(run.workflow)}`} className="text-accent-700 hover:underline" data-testid="run-workflow">
                  {run.workflow}
                </Link>
              </>
            ) : (
              " / (no workflow)"
            )}
          </>
        }
      />
      <div className="space-y-6">
        <Card>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4 lg:grid-cols-7">
            {figures.map((f) => (
              <div key={f.label}>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{f.label}</dt>
                <dd className="mt-1 text-sm font-semibold text-slate-900 tabular-nums" data-testid={f.testId}>
                  {f.value}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card
          title="Waterfall"
          description="Each call in order: a bar from its start offset, as wide as its latency."
          actions={
            <>
              {waterfall.mostExpensiveAnchor ? (
                <a href={`#${waterfall.mostExpensiveAnchor}`} className="text-xs font-medium text-accent-700 hover:underline">
                  Jump to most expensive call
                </a>
              ) : null}
              <CsvExportButton filename={`run-${run.run_id}-calls.csv`} header={CALLS_CSV_HEADER} rows={callsCsvRows(run)} />
            </>
          }
        >
          {waterfall.rows.length === 0 ? <EmptyState title="No calls yet">This run has an outcome but no events have arrived for it.</EmptyState> : <RunWaterfall rows={waterfall.rows} />}
        </Card>
      </div>
    </>
  );
}
