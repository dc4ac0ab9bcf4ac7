import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatUsdTotal } from "@/lib/format/format-money";
import type { FindingView } from "@/lib/shadow-ai/findings";
import { FINDING_KIND_LABELS, FINDING_KIND_VALUES, FINDING_STATUS_LABELS, FINDING_STATUS_VALUES } from "@/lib/shadow-ai/finding-labels";
import { readFindingParts } from "@/lib/shadow-ai/prepare-findings-view";
import type { FindingKind } from "@/lib/shadow-ai/run-audit";
import type { FindingStatus } from "@/lib/shadow-ai/schemas";

const STATUS_TONE: Record<FindingStatus, "red" | "green" | "yellow" | "neutral"> = { open: "red", sanctioned: "green", to_retire: "yellow", dismissed: "neutral" };

/** A finding's status as a coloured label. */
export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{FINDING_STATUS_LABELS[status]}</Badge>;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

const selectClass = "mt-1 block h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900";

/**
 * The findings, largest first, with status and kind filters as a plain GET form (they live in the
 * URL, and work without JavaScript); each row links to the finding's evidence.
 */
export function FindingsTable({
  orgSlug,
  findings,
  totalCount,
  filters,
}: {
  orgSlug: string;
  findings: FindingView[];
  totalCount: number;
  filters: { status: FindingStatus[]; kind: FindingKind[] };
}) {
  const base = `/o/${orgSlug}/shadow-ai`;
  const filtered = filters.status.length > 0 || filters.kind.length > 0;
  const rows = findings.map((f) => ({ f, people: readFindingParts(f).people.length }));
  return (
    <Card
      title="Findings"
      description={`Largest first. ${filtered ? `${findings.length} of ${totalCount} match the filters.` : `${totalCount} in total.`}`}
      actions={
        <CsvExportButton
          filename={`${orgSlug}-shadow-ai-findings.csv`}
          header={["id", "kind", "title", "total_usd", "people", "first_seen", "last_seen", "owner", "status", "note"]}
          rows={rows.map(({ f, people }) => [f.id, f.kind, f.title, f.total_usd, people, day(f.first_seen), day(f.last_seen), f.owner ?? "", f.status, f.note ?? ""])}
        />
      }
    >
      <form method="get" action={base} aria-label="Filter findings" className="mb-4 flex flex-wrap items-end gap-3">
        <label className="text-xs font-medium text-slate-600">
          Status
          <select name="status" defaultValue={filters.status[0] ?? ""} className={selectClass}>
            <option value="">Any status</option>
            {FINDING_STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {FINDING_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          Kind
          <select name="kind" defaultValue={filters.kind[0] ?? ""} className={selectClass}>
            <option value="">Any kind</option>
            {FINDING_KIND_VALUES.map((k) => (
              <option key={k} value={k}>
                {FINDING_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50">
          Apply
        </button>
        {filtered ? (
          <Link href={base} className="inline-flex h-9 items-center text-sm font-medium text-accent-700 hover:underline">
            Clear filters
          </Link>
        ) : null}
      </form>
      {findings.length === 0 ? (
        <EmptyState title={filtered ? "No findings match these filters" : "No findings"}>
          {filtered ? "Change or clear the filters." : "Nothing outside governance was found in what is imported. New imports re-run the audit."}
        </EmptyState>
      ) : (
        <Table label="Findings">
          <thead>
            <tr>
              <Th>Finding</Th>
              <Th numeric>Total</Th>
              <Th numeric>People</Th>
              <Th>Seen</Th>
              <Th>Status</Th>
              <Th>Owner</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map(({ f, people }) => (
              <tr key={f.id}>
                <td className="min-w-64 px-5 py-2">
                  <Link href={`${base}/findings/${f.id}`} className="font-medium text-accent-700 hover:underline">
                    {f.title}
                  </Link>
                  <span className="block text-xs text-slate-500">{FINDING_KIND_LABELS[f.kind] ?? f.kind}</span>
                </td>
                <Td numeric className="font-medium text-slate-900">
                  {formatUsdTotal(f.total_usd)}
                </Td>
                <Td numeric>{people}</Td>
                <td className="whitespace-nowrap px-5 py-2 text-xs text-slate-600">
                  <span className="block">
                    <span className="sr-only">First seen </span>
                    {day(f.first_seen)}
                  </span>
                  {day(f.last_seen) !== day(f.first_seen) ? (
                    <span className="block">
                      <span className="sr-only">Last seen </span>
                      to {day(f.last_seen)}
                    </span>
                  ) : null}
                </td>
                <Td>
                  <FindingStatusBadge status={f.status} />
                </Td>
                <td className="max-w-48 truncate px-5 py-2 text-slate-700" title={f.owner ?? undefined}>
                  {f.owner ?? <span className="text-slate-400">Unassigned</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
