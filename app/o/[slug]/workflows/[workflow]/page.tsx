import type { Metadata } from "next";
import Link from "next/link";
import { RangePicker } from "@/components/ui/range-picker";
import { RunList } from "@/components/workflows/run-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext } from "@/lib/http/page-context";
import { listRuns } from "@/lib/runs/list-runs";
import { firstParam, readWorkflowRange } from "@/lib/workflows-view/range";

export const metadata: Metadata = { title: "Workflow runs" };

/** SPEC 4 page 4: one workflow's runs, most expensive first, each linking to its waterfall. */
export default async function WorkflowRunsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; workflow: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Next.js decodes the segment once already; decoding again would corrupt names with a literal "%".
  const { slug, workflow } = await params;
  const ctx = await getPageContext(slug);
  const search = await searchParams;
  const range = readWorkflowRange({ from: firstParam(search.from), to: firstParam(search.to) });
  const firstPage = await listRuns(ctx, { workflow, sort: "cost", from: range.from, to: range.to });
  const base = `/o/${ctx.orgSlug}/workflows`;
  return (
    <>
      <PageHeader
        title={workflow}
        description={
          <>
            <Link href={base} className="text-accent-700 hover:underline">
              Workflows
            </Link>{" "}
            · runs {range.fromDay} through {range.throughDay} (UTC), most expensive first
          </>
        }
        actions={<RangePicker range={range} action={`${base}/${encodeURIComponent(workflow)}`} />}
      />
      <Card title="Runs">
        <RunList orgSlug={ctx.orgSlug} workflow={workflow} range={{ from: range.from, to: range.to }} initialPage={firstPage} csvName={`runs-${workflow}-${range.fromDay}-${range.throughDay}.csv`} />
      </Card>
    </>
  );
}
