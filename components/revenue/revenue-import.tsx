"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { commitRevenueImportAction, previewRevenueImportAction } from "@/app/o/[slug]/settings/revenue/actions";
import { ColumnMappingTable, type MappingFieldOption } from "@/components/imports/column-mapping-table";
import { CsvFilePicker } from "@/components/imports/csv-file-picker";
import { ImportErrorsTable } from "@/components/imports/import-errors-table";
import { type ChosenFile, plural, readImportFile } from "@/components/imports/import-file";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { Table, Td, Th } from "@/components/ui/table";
import { formatUsdTotal } from "@/lib/format/format-money";
import type { RevenueColumnMapping, RevenueField, RevenueRow } from "@/lib/revenue/revenue-from-csv";

// The API's 5 MB; larger files go through POST /api/v1/imports/revenue.

const FIELDS: MappingFieldOption[] = [
  { field: "month", label: "Month" },
  { field: "feature", label: "Feature" },
  { field: "customer", label: "Customer" },
  { field: "amount_usd", label: "Amount (USD)" },
];



/**
 * A revenue CSV (month, feature, customer, amount_usd): choose a file, check the column mapping,
 * the counts, the row errors and a sample, then import. Any row error stores nothing; the same
 * month, feature and customer replaces the stored amount, so importing again is safe.
 */
export function RevenueImport({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [mapping, setMapping] = useState<RevenueColumnMapping>({});
  const [fileError, setFileError] = useState<string | null>(null);
  const preview = useMutation({ mutationFn: (input: { blob: Blob; mapping: RevenueColumnMapping }) => previewRevenueImportAction(orgSlug, input.blob, input.mapping) });
  const commit = useMutation({
    mutationFn: (input: { blob: Blob; mapping: RevenueColumnMapping }) => commitRevenueImportAction(orgSlug, input.blob, input.mapping),
    onSuccess: (result) => {
      if (result.ok) router.refresh();
    },
  });

  function reset() {
    preview.reset();
    commit.reset();
    setMapping({});
    setFile(null);
    setFileError(null);
  }

  async function chooseFile(chosen: File) {
    reset();
    const read = await readImportFile(chosen, "text/plain", "Split it, or send it to POST /api/v1/imports/revenue.");
    if ("error" in read) {
      setFileError(read.error);
      return;
    }
    setFile(read.file);
    preview.mutate({ blob: read.file.blob, mapping: {} });
  }

  function changeField(header: string, field: string | null) {
    if (!file) return;
    const next = { ...mapping, [header]: field as RevenueField | null };
    setMapping(next);
    commit.reset();
    preview.mutate({ blob: file.blob, mapping: next });
  }

  const checked = preview.data?.ok ? preview.data.data : null;
  const failure = fileError ?? (preview.data && !preview.data.ok ? preview.data.error : preview.isError ? "The check failed; try again." : null);
  const done = commit.data?.ok ? commit.data.data : null;
  const commitFailure = commit.data && !commit.data.ok ? commit.data.error : commit.isError ? "The import failed before it finished; importing again is safe." : null;

  if (!file || failure) {
    return (
      <CsvFilePicker inputRef={inputRef} onFile={chooseFile} hint="UTF-8 CSV with the columns month (2026-10), feature, customer (optional) and amount_usd; headers are matched and can be changed before importing.">
        {failure ? <Alert>{failure}</Alert> : null}
      </CsvFilePicker>
    );
  }
  if (!checked) {
    return (
      <p role="status" aria-busy="true" className="text-sm text-slate-600">
        Checking {file.name}… nothing is stored yet.
      </p>
    );
  }
  const fresh = checked.valid - checked.duplicates;
  const canImport = checked.rejected === 0 && checked.valid > 0 && !preview.isPending && !commit.isPending && !done;

  return (
    <div className="space-y-4" aria-label="Revenue import preview" role="region">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          <strong>{file.name}</strong>: {plural(checked.rows, "row")}, {checked.valid.toLocaleString("en-US")} valid, {checked.rejected.toLocaleString("en-US")} with errors
          {checked.replaces ? `, ${checked.replaces.toLocaleString("en-US")} replace a stored amount` : ""}
          {checked.duplicates ? `, ${checked.duplicates.toLocaleString("en-US")} unchanged` : ""} · {formatUsdTotal(checked.totalUsd)} in total.
        </p>
        <Button variant="secondary" onClick={() => { reset(); requestAnimationFrame(() => inputRef.current?.focus()); }} disabled={commit.isPending}>
          Choose another file
        </Button>
      </div>
      {checked.warnings.length > 0 ? (
        <Alert tone="info">
          <ul className="list-disc space-y-0.5 pl-4">
            {checked.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {checked.columns.length > 0 ? <ColumnMappingTable columns={checked.columns} fields={FIELDS} onChange={changeField} disabled={commit.isPending} /> : null}
      {checked.rejected > 0 ? (
        <div className="space-y-2">
          <div className="flex items-center justify-between gap-2">
            <h3 className="text-sm font-semibold text-slate-900">Rows with errors ({checked.rejected.toLocaleString("en-US")}): nothing is stored until every row is valid</h3>
            <CsvExportButton filename={`${orgSlug}-revenue-import-errors.csv`} header={["line", "message"]} rows={checked.errors.map((e) => [e.line ?? "", e.message])} />
          </div>
          <ImportErrorsTable errors={checked.errors} total={checked.rejected} />
        </div>
      ) : null}
      {checked.sample.length > 0 ? (
        <Table label="Sample of the revenue to import">
          <thead>
            <tr>
              <Th>Month</Th>
              <Th>Feature</Th>
              <Th>Customer</Th>
              <Th numeric>Amount</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {(checked.sample as RevenueRow[]).map((r) => (
              <tr key={`${r.month}/${r.feature}/${r.customer}`}>
                <Td>{r.month}</Td>
                <Td>{r.feature}</Td>
                <Td>{r.customer || <span className="text-slate-400">all</span>}</Td>
                <Td numeric>{formatUsdTotal(r.amountUsd)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {commitFailure ? <Alert>{commitFailure}</Alert> : null}
      {done ? (
        <Alert tone={done.rejected > 0 ? "error" : "success"}>
          {done.rejected > 0
            ? `${plural(done.rejected, "row")} had errors, so nothing was stored.`
            : done.accepted > 0
              ? `${plural(done.accepted, "revenue row")} imported${done.duplicates ? `, ${done.duplicates.toLocaleString("en-US")} unchanged` : ""}.`
              : "Every row was already stored with the same amount: nothing changed."}
        </Alert>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={() => commit.mutate({ blob: file.blob, mapping })} disabled={!canImport}>
            {commit.isPending ? "Importing…" : `Import ${plural(checked.valid, "row")}`}
          </Button>
          <span className="text-xs text-slate-500">{fresh === 0 && checked.valid > 0 ? "Every row is already stored with this amount." : "Rows with the same month, feature and customer replace the stored amount."}</span>
        </div>
      )}
    </div>
  );
}
