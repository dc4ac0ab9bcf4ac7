"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { undoShadowAiImportAction } from "@/app/o/[slug]/settings/imports/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format/format-date";
import { formatUsdTotal } from "@/lib/format/format-money";

/** One import batch as the history lists it (dates as ISO strings). */
export type ImportHistoryRow = { id: string; kind: string; fileName: string | null; rows: number; totalUsd: string; createdBy: string; createdAt: string; undoneAt: string | null };

const KIND_LABELS: Record<string, string> = { expenses: "Expenses", "vendor-bills": "Vendor bill", subscriptions: "Subscriptions", revenue: "Revenue" };

function UndoButton({ orgSlug, batch, canManage }: { orgSlug: string; batch: ImportHistoryRow; canManage: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () => undoShadowAiImportAction(orgSlug, batch.id),
    onSuccess: (result) => {
      if (!result.ok) return;
      setConfirming(false);
      router.refresh();
    },
  });
  const failed = mutation.data && !mutation.data.ok ? mutation.data.error : mutation.isError ? "The undo failed. Try again." : null;
  const name = batch.fileName ?? `${KIND_LABELS[batch.kind] ?? batch.kind} import`;
  if (batch.undoneAt) return <Badge>Undone {batch.undoneAt.slice(0, 10)}</Badge>;
  if (!canManage) return null;
  if (!confirming) {
    return (
      <Button type="button" variant="secondary" className="h-8" onClick={() => setConfirming(true)} aria-label={`Undo ${name}`}>
        Undo
      </Button>
    );
  }
  return (
    <div role="group" aria-label={`Confirm undoing ${name}`} className="flex flex-wrap items-center justify-end gap-2">
      <span className="text-xs text-slate-700">Delete its {batch.rows.toLocaleString("en-US")} rows and re-run the audit?</span>
      {failed ? <span className="text-xs text-red-700">{failed}</span> : null}
      <Button type="button" variant="danger" className="h-8" disabled={mutation.isPending} onClick={() => mutation.mutate()} autoFocus>
        {mutation.isPending ? "Undoing…" : "Yes, undo"}
      </Button>
      <Button type="button" variant="secondary" className="h-8" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </div>
  );
}

/** The Shadow AI import history, newest first, with an undo (confirmed) per batch. */
export function ShadowAiImportHistory({ orgSlug, imports, timeZone, canManage }: { orgSlug: string; imports: ImportHistoryRow[]; timeZone: string; canManage: boolean }) {
  if (imports.length === 0) {
    return <EmptyState title="No imports yet">Files you import appear here, with who imported them and when; each can be undone.</EmptyState>;
  }
  return (
    <>
      <div className="mb-3 flex justify-end">
        <CsvExportButton
          filename={`${orgSlug}-shadow-ai-imports.csv`}
          header={["id", "kind", "file", "rows", "total_usd", "imported_by", "imported_at", "undone_at"]}
          rows={imports.map((i) => [i.id, i.kind, i.fileName ?? "", i.rows, i.totalUsd, i.createdBy, i.createdAt, i.undoneAt ?? ""])}
        />
      </div>
      <Table label="Import history">
        <thead>
          <tr>
            <Th>File</Th>
            <Th numeric>Rows</Th>
            <Th numeric>Total</Th>
            <Th>Imported</Th>
            <Th />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {imports.map((i) => (
            <tr key={i.id} className={i.undoneAt ? "text-slate-400" : ""}>
              <td className="max-w-72 px-5 py-2">
                <span className={`block truncate ${i.undoneAt ? "" : "text-slate-900"}`} title={i.fileName ?? undefined}>
                  {i.fileName ?? "(sent through the API)"}
                </span>
                <span className="block text-xs text-slate-500">{KIND_LABELS[i.kind] ?? i.kind}</span>
              </td>
              <Td numeric>{i.rows.toLocaleString("en-US")}</Td>
              <Td numeric>{formatUsdTotal(i.totalUsd)}</Td>
              <td className="max-w-64 px-5 py-2 text-slate-700">
                <span className="block truncate" title={i.createdBy}>
                  {i.createdBy}
                </span>
                <span className="block text-xs text-slate-500">{formatDateTime(i.createdAt, timeZone)}</span>
              </td>
              <td className="px-5 py-1.5 text-right">
                <UndoButton orgSlug={orgSlug} batch={i} canManage={canManage} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
