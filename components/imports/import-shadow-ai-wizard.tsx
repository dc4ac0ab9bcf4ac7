"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import {
  commitShadowAiImportAction,
  previewShadowAiImportAction,
  type ShadowAiImportKindName,
  type ShadowAiImportPreview,
  type ShadowAiImportResult,
} from "@/app/o/[slug]/settings/imports/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { Table, Td, Th } from "@/components/ui/table";
import { formatUsdTotal } from "@/lib/format/format-money";
import { ColumnMappingTable, type MappingFieldOption } from "./column-mapping-table";
import { CsvFilePicker } from "./csv-file-picker";
import { ImportErrorsTable } from "./import-errors-table";
import { type ChosenFile, errorRows, ImportStat, plural, PreviewSkeleton, readImportFile } from "./import-file";
import { CommitBar, PreviewSummaryCard } from "./import-preview-parts";

// The API's 5 MB; next.config.js lets server action bodies through up to 6 MB.

/** One kind the page imports: how it is named, the file it takes, and its fields when it has columns. */
export type ShadowAiImportKindOption = {
  kind: ShadowAiImportKindName;
  label: string;
  description: string;
  fileLabel: string;
  accept: string;
  /** Columns to map (CSV kinds); null for a file read as it is (vendor bills). */
  fields: MappingFieldOption[] | null;
  /** What one stored row is, for the button ("expense line", "bill line"). */
  rowWord: string;
};

function SampleTable({ preview }: { preview: ShadowAiImportPreview }) {
  const bill = preview.vendor !== null;
  return (
    <Table label="Sample of the rows to import">
      <thead>
        <tr>
          {bill ? null : <Th numeric>Line</Th>}
          <Th>Date</Th>
          <Th>{bill ? "Key or project" : "Person"}</Th>
          <Th>{bill ? "Line item" : "Merchant"}</Th>
          <Th numeric>Amount (USD)</Th>
          <Th>{bill ? "Vendor" : "AI tool"}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {preview.sample.map((r, i) => (
          <tr key={`${r.line ?? i}:${i}`}>
            {bill ? null : <Td numeric>{r.line}</Td>}
            <Td>{r.date}</Td>
            <Td className="max-w-48 truncate">{r.who ?? <span className="text-slate-400">—</span>}</Td>
            <td className="min-w-56 px-5 py-2.5 text-slate-900">{r.label}</td>
            <Td numeric>{formatUsdTotal(r.amountUsd)}</Td>
            <Td>{r.match ?? <span className="text-slate-400">Not AI</span>}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * The Shadow AI imports: choose the kind and a file, see the dry run (column mapping, counts,
 * row errors, sample), then import. A file with any row error stores nothing.
 */
export function ImportShadowAiWizard({ orgSlug, kinds }: { orgSlug: string; kinds: ShadowAiImportKindOption[] }) {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const [kindName, setKindName] = useState<ShadowAiImportKindName>(kinds[0].kind);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [preview, setPreview] = useState<ShadowAiImportPreview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const kind = kinds.find((k) => k.kind === kindName) ?? kinds[0];

  const previewMutation = useMutation({
    mutationFn: (input: { kind: ShadowAiImportKindName; blob: Blob; mapping: Record<string, string | null> }) => previewShadowAiImportAction(orgSlug, input.kind, input.blob, input.mapping),
  });
  const commitMutation = useMutation({
    mutationFn: (input: { kind: ShadowAiImportKindName; file: ChosenFile; mapping: Record<string, string | null> }) =>
      commitShadowAiImportAction(orgSlug, input.kind, input.file.blob, input.mapping, input.file.name),
    onSuccess: (result) => {
      // The history below is server-rendered: show the new batch in it.
      if (result.ok) router.refresh();
    },
  });

  function runPreview(blob: Blob, nextMapping: Record<string, string | null>) {
    // mutate() callbacks run for the latest call only, so a slow earlier preview never replaces a newer one.
    previewMutation.mutate(
      { kind: kind.kind, blob, mapping: nextMapping },
      {
        onSuccess: (result) => {
          if (result.ok) setPreview(result.data);
        },
      },
    );
  }

  function reset() {
    commitMutation.reset();
    previewMutation.reset();
    setPreview(null);
    setMapping({});
    setFile(null);
    setFileError(null);
  }

  async function chooseFile(chosen: File) {
    reset();
    const read = await readImportFile(chosen, "text/plain");
    if ("error" in read) {
      setFileError(read.error);
      return;
    }
    setFile(read.file);
    runPreview(read.file.blob, {});
  }

  function changeField(header: string, field: string | null) {
    if (!file) return;
    const next = { ...mapping, [header]: field };
    setMapping(next);
    runPreview(file.blob, next);
  }

  function startOver() {
    reset();
    requestAnimationFrame(() => inputRef.current?.focus());
  }

  const previewResult = previewMutation.data;
  const previewFailure =
    previewResult && !previewResult.ok ? previewResult.error : previewMutation.isError ? "The check failed: the file may be too large or the connection dropped. Try again." : null;
  const commitResult = commitMutation.data;

  if (commitResult?.ok && file) {
    return <ImportResult orgSlug={orgSlug} fileName={file.name} result={commitResult.data} rowWord={kind.rowWord} onAgain={startOver} />;
  }

  if (!file || (!preview && (previewMutation.isSuccess || previewMutation.isError))) {
    const failure = fileError ?? (file && previewFailure ? `${file.name} could not be read. ${previewFailure}` : null);
    return (
      <Card title="Choose what to import" description="The file is checked first; nothing is stored until you confirm.">
        <fieldset className="mb-4">
          <legend className="text-sm font-medium text-slate-700">Kind of file</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {kinds.map((k) => (
              <label
                key={k.kind}
                className={`flex cursor-pointer flex-col rounded-md border px-3 py-2 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-500 ${
                  k.kind === kind.kind ? "border-accent-500 bg-accent-50" : "border-slate-200 bg-white hover:bg-slate-50"
                }`}
              >
                <span className="flex items-center gap-2 font-medium text-slate-900">
                  <input
                    type="radio"
                    name="import-kind"
                    value={k.kind}
                    checked={k.kind === kind.kind}
                    onChange={() => {
                      reset();
                      setKindName(k.kind);
                    }}
                  />
                  {k.label}
                </span>
                <span className="mt-1 text-xs text-slate-500">{k.description}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <CsvFilePicker inputRef={inputRef} onFile={chooseFile} accept={kind.accept} fileLabel={kind.fileLabel} hint={`UTF-8, up to 5 MB. ${kind.description}`}>
          {failure ? <Alert>{failure}</Alert> : null}
        </CsvFilePicker>
      </Card>
    );
  }

  if (!preview) return <PreviewSkeleton file={file} />;

  const updating = previewMutation.isPending;
  const committing = commitMutation.isPending;
  const commitFailure =
    commitResult && !commitResult.ok ? commitResult.error : commitMutation.isError ? "The import failed before it finished. Importing the file again is safe: stored rows count as duplicates." : null;
  // All or nothing: a file with any row error is refused whole (the lib does the same on commit).
  const canCommit = preview.valid > 0 && preview.rejected === 0 && !updating && !committing && !previewFailure;
  const fresh = preview.valid - preview.duplicates;

  return (
    <div className="space-y-6">
      <PreviewSummaryCard
        file={file}
        kindLabel={kind.label}
        preview={preview}
        extra={preview.vendor ? ` ${preview.vendor} bill, ${formatUsdTotal(preview.totalUsd ?? "0")} in total.` : ""}
        updating={updating}
        failure={previewFailure}
        disabled={committing}
        onStartOver={startOver}
      />

      {kind.fields && preview.columns.length > 0 ? (
        <Card title="Columns" description="How each column of the file is read. Change a field and the preview updates; ignored columns are not imported.">
          <ColumnMappingTable columns={preview.columns} disabled={committing} onChange={changeField} fields={kind.fields} />
        </Card>
      ) : null}

      {preview.rejected > 0 ? (
        <Card
          title={`Rows with errors (${preview.rejected.toLocaleString("en-US")})`}
          description="A file with any error stores nothing. Fix these rows (or the column mapping) and check the file again."
          actions={<CsvExportButton filename={`${orgSlug}-${kind.kind}-import-errors.csv`} header={["line", "id", "message"]} rows={errorRows(preview.errors)} />}
        >
          <ImportErrorsTable errors={preview.errors} total={preview.rejected} />
        </Card>
      ) : null}

      <Card title="Sample" description={`The first ${plural(preview.sample.length, "valid row")} as they will be stored.`}>
        {preview.sample.length > 0 ? <SampleTable preview={preview} /> : <p className="text-sm text-slate-600">No valid rows yet. Check the column mapping and the errors above.</p>}
      </Card>

      <CommitBar
        failure={commitFailure}
        message={
          preview.rejected > 0
            ? "Nothing can be imported until every row is valid."
            : preview.valid === 0
              ? "There is nothing valid to import: check the file or the column mapping."
              : fresh === 0
                ? "Every row is already imported: importing again changes nothing."
                : "Rows already imported are skipped, so importing the same file twice stores it once."
        }
        disabled={!canCommit}
        committing={committing}
        count={preview.valid}
        rowWord={kind.rowWord}
        onCommit={() => commitMutation.mutate({ kind: kind.kind, file, mapping })}
      />
    </div>
  );
}

function ImportResult({ orgSlug, fileName, result, rowWord, onAgain }: { orgSlug: string; fileName: string; result: ShadowAiImportResult; rowWord: string; onAgain: () => void }) {
  const rejected = result.rejected > 0;
  return (
    <div className="space-y-6">
      <Card title={rejected ? "Import refused" : "Import finished"} description={fileName}>
        <div className="space-y-4">
          <Alert tone={rejected ? "error" : result.accepted > 0 ? "success" : "info"}>
            {rejected
              ? `${plural(result.rejected, "row")} had errors, so nothing was stored. Fix the file and import it again.`
              : result.accepted > 0
                ? `${plural(result.accepted, rowWord)} imported${result.duplicates ? `, ${result.duplicates.toLocaleString("en-US")} already there (duplicates)` : ""}. The Shadow AI audit has run again.`
                : `Every row was already imported (${result.duplicates.toLocaleString("en-US")} duplicates), so nothing changed.`}
          </Alert>
          <dl className="grid grid-cols-3 gap-3">
            <ImportStat label="Accepted" value={result.accepted} tone="green" />
            <ImportStat label="Duplicates" value={result.duplicates} tone="muted" />
            <ImportStat label="Rejected" value={result.rejected} tone="red" />
          </dl>
          <div className="flex flex-wrap gap-2">
            <Button onClick={onAgain}>Import another file</Button>
            <Link href={`/o/${orgSlug}/shadow-ai`} className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-3.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
              See the Shadow AI findings
            </Link>
          </div>
        </div>
      </Card>
      {rejected ? (
        <Card title={`Rejected rows (${result.rejected.toLocaleString("en-US")})`} actions={<CsvExportButton filename={`${orgSlug}-rejected-rows.csv`} header={["line", "id", "message"]} rows={errorRows(result.errors)} />}>
          <ImportErrorsTable errors={result.errors} total={result.rejected} />
        </Card>
      ) : null}
    </div>
  );
}
