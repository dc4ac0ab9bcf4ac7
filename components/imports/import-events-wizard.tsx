"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import { commitEventsImportAction, previewEventsImportAction } from "@/app/o/[slug]/settings/import-events/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import type { EventsImportPreview, EventsImportResult } from "@/lib/imports/import-events";
import type { ColumnMapping } from "@/lib/imports/schemas";
import { ColumnMappingTable } from "./column-mapping-table";
import { CsvFilePicker } from "./csv-file-picker";
import { ImportErrorsTable } from "./import-errors-table";
import { BROWSER_MAX_LABEL, type ChosenFile, errorRows, ImportStat, plural, PreviewSkeleton, readImportFile } from "./import-file";
import { CommitBar, PreviewSummaryCard } from "./import-preview-parts";
import { ImportSampleTable } from "./import-sample-table";

// The same 5 MB as the API (`POST /api/v1/imports/events`); next.config.js raises the server
// action body limit to 6 MB to leave room for the rest of the request.
/**
 * The CSV import of events: choose a file, see the dry-run preview (column mapping, counts, row
 * errors, sample), change the mapping, then import. Nothing is stored before "Import".
 */
export function ImportEventsWizard({ orgSlug, timeZone, templateHref }: { orgSlug: string; timeZone: string; templateHref: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [preview, setPreview] = useState<EventsImportPreview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const previewMutation = useMutation({
    mutationFn: (input: { blob: Blob; mapping: ColumnMapping }) => previewEventsImportAction(orgSlug, input.blob, input.mapping),
  });
  const commitMutation = useMutation({
    mutationFn: (input: { blob: Blob; mapping: ColumnMapping }) => commitEventsImportAction(orgSlug, input.blob, input.mapping),
  });

  function runPreview(blob: Blob, nextMapping: ColumnMapping) {
    // Callbacks given to mutate() run for the latest call only, so a slow earlier preview never
    // replaces a newer one.
    previewMutation.mutate(
      { blob, mapping: nextMapping },
      {
        onSuccess: (result) => {
          if (result.ok) setPreview(result.data);
        },
      },
    );
  }

  async function chooseFile(chosen: File) {
    commitMutation.reset();
    previewMutation.reset();
    setPreview(null);
    setMapping({});
    setFile(null);
    setFileError(null);
    const read = await readImportFile(chosen, "text/csv");
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
    commitMutation.reset();
    previewMutation.reset();
    setPreview(null);
    setMapping({});
    setFile(null);
    setFileError(null);
    // Back to the file input, so keyboard users do not have to find it again.
    requestAnimationFrame(() => inputRef.current?.focus());
  }

  const previewResult = previewMutation.data;
  const previewFailure =
    previewResult && !previewResult.ok ? previewResult.error : previewMutation.isError ? "The preview failed: the file may be too large or the connection dropped. Try again." : null;
  const commitResult = commitMutation.data;

  if (commitResult?.ok && file) {
    return <ImportResult orgSlug={orgSlug} fileName={file.name} result={commitResult.data} onAgain={startOver} />;
  }

  // Until the first preview of a file settles, show that it is being checked.
  if (!file || (!preview && (previewMutation.isSuccess || previewMutation.isError))) {
    const failure = fileError ?? (file && previewFailure ? `${file.name} could not be imported. ${previewFailure}` : null);
    return (
      <Card title="Choose a file" description="One row per AI call, with a header row. The file is checked first; nothing is stored until you confirm.">
        <CsvFilePicker
          inputRef={inputRef}
          onFile={chooseFile}
          hint={
            <>
              UTF-8 CSV up to {BROWSER_MAX_LABEL}, header row first. Columns are matched to event fields by name, and you can change the matching before importing.{" "}
              <a href={templateHref} download="marginal-events-template.csv" className="font-medium text-accent-600 underline-offset-2 hover:underline">
                Download a template CSV
              </a>
            </>
          }
        >
          {failure ? <Alert>{failure}</Alert> : null}
        </CsvFilePicker>
      </Card>
    );
  }

  if (!preview) return <PreviewSkeleton file={file} />;

  const updating = previewMutation.isPending;
  const committing = commitMutation.isPending;
  const commitFailure = commitResult && !commitResult.ok ? commitResult.error : commitMutation.isError ? "The import failed before it finished. Importing the file again is safe: events already stored count as duplicates." : null;
  const canCommit = preview.valid > 0 && !updating && !committing && !previewFailure;

  return (
    <div className="space-y-6">
      <PreviewSummaryCard
        file={file}
        preview={preview}
        duplicatesNote=" (they will count as duplicates)"
        updating={updating}
        failure={previewFailure}
        disabled={committing}
        onStartOver={startOver}
      />

      <Card title="Columns" description="How each column of the file is read. Change a field and the preview updates; ignored columns are not imported.">
        <ColumnMappingTable columns={preview.columns} disabled={committing} onChange={changeField} />
      </Card>

      {preview.rejected > 0 ? (
        <Card
          title={`Rows with errors (${preview.rejected.toLocaleString("en-US")})`}
          description="These rows will be skipped. Fix them in the file and import it again: rows already imported then count as duplicates."
          actions={<CsvExportButton filename={`${orgSlug}-import-errors.csv`} header={["line", "id", "message"]} rows={errorRows(preview.errors)} />}
        >
          <ImportErrorsTable errors={preview.errors} total={preview.rejected} />
        </Card>
      ) : null}

      <Card title="Sample" description={`The first ${plural(preview.sample.length, "valid row")} as they will be stored. An empty cost is priced from the catalog and your prices.`}>
        {preview.sample.length > 0 ? (
          <ImportSampleTable sample={preview.sample} timeZone={timeZone} />
        ) : (
          <p className="text-sm text-slate-600">No valid rows yet. Check the column mapping and the errors above.</p>
        )}
      </Card>

      <CommitBar
        failure={commitFailure}
        message={
          preview.valid > 0
            ? "Rows with errors are skipped. Importing the same file again never stores an event twice."
            : "There is nothing valid to import: fix the file or the column mapping."
        }
        disabled={!canCommit}
        committing={committing}
        count={preview.valid}
        rowWord="event"
        onCommit={() => commitMutation.mutate({ blob: file.blob, mapping })}
      />
    </div>
  );
}

function ImportResult({ orgSlug, fileName, result, onAgain }: { orgSlug: string; fileName: string; result: EventsImportResult; onAgain: () => void }) {
  const summary = `${result.accepted.toLocaleString("en-US")} accepted, ${result.duplicates.toLocaleString("en-US")} duplicates, ${result.rejected.toLocaleString("en-US")} rejected.`;
  return (
    <div className="space-y-6">
      <Card title="Import finished" description={fileName}>
        <div className="space-y-4">
          <Alert tone={result.accepted > 0 ? "success" : "info"}>
            {summary}{" "}
            {result.accepted > 0
              ? "The events are stored and already count in the overview and reports."
              : result.duplicates > 0
                ? "Every valid event was already imported, so nothing changed."
                : "Nothing was stored."}
          </Alert>
          <dl className="grid grid-cols-3 gap-3">
            <ImportStat label="Accepted" value={result.accepted} tone="green" />
            <ImportStat label="Duplicates" value={result.duplicates} tone="muted" />
            <ImportStat label="Rejected" value={result.rejected} tone="red" />
          </dl>
          <div className="flex flex-wrap gap-2">
            <Button onClick={onAgain}>Import another file</Button>
            <Link href={`/o/${orgSlug}`} className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-3.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
              Go to the overview
            </Link>
          </div>
        </div>
      </Card>
      {result.rejected > 0 ? (
        <Card
          title={`Rejected rows (${result.rejected.toLocaleString("en-US")})`}
          description="Not stored. Export them, fix the file and import it again."
          actions={<CsvExportButton filename={`${orgSlug}-rejected-rows.csv`} header={["line", "id", "message"]} rows={errorRows(result.errors)} />}
        >
          <ImportErrorsTable errors={result.errors} total={result.rejected} />
        </Card>
      ) : null}
    </div>
  );
}
