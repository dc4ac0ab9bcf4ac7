"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { fetchRunsPage, runsPageUrl, type RunsPage } from "@/lib/workflows-view/fetch-runs";
import { prepareRunRows, RUNS_CSV_HEADER, runsCsvRows } from "@/lib/workflows-view/prepare-run-rows";
import { workflowKeys } from "@/lib/workflows-view/query-keys";

/** A workflow's runs, dearest first; the first page comes from the server, "Load more" follows `next_cursor`. */
export function RunList({
  orgSlug,
  workflow,
  range,
  initialPage,
  csvName,
}: {
  orgSlug: string;
  workflow: string;
  range: { from: string; to: string };
  initialPage: RunsPage;
  csvName: string;
}) {
  const query = useInfiniteQuery({
    queryKey: workflowKeys.runs(orgSlug, workflow, range),
    queryFn: ({ pageParam, signal }) => fetchRunsPage(runsPageUrl(orgSlug, workflow, range, pageParam), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    initialData: { pages: [initialPage], pageParams: [null] },
  });
  const runs = query.data.pages.flatMap((p) => p.runs);
  const rows = prepareRunRows(runs);
  if (rows.length === 0) return <EmptyState title="No runs in this range">Pick a longer range, or send events with this workflow and a run_id.</EmptyState>;
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <CsvExportButton filename={csvName} header={RUNS_CSV_HEADER} rows={runsCsvRows(runs)} />
      </div>
      <Table label="Runs">
        <thead>
          <tr>
            <Th>Run</Th>
            <Th>Started</Th>
            <Th>Outcome</Th>
            <Th numeric>Steps</Th>
            <Th numeric>Errors</Th>
            <Th numeric>Duration</Th>
            <Th numeric>Cost</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.runId}>
              <Td className="max-w-[16rem] truncate font-mono text-xs">
                <Link href={`/o/${orgSlug}/runs/${encodeURIComponent(row.runId)}`} className="text-accent-700 hover:underline">
                  {row.runId}
                </Link>
              </Td>
              <Td>{row.startedAt}</Td>
              <Td>
                <Badge tone={row.outcomeTone}>{row.outcome}</Badge>
              </Td>
              <Td numeric>{row.steps}</Td>
              <Td numeric>{row.errors}</Td>
              <Td numeric>{row.duration}</Td>
              <Td numeric>{row.cost}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {query.isFetchNextPageError ? <Alert>{query.error?.message ?? "Loading more runs failed."}</Alert> : null}
      {query.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
