import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { type ChosenFile, fileSize, ImportStat, plural } from "./import-file";

/** The counts every dry-run preview has. */
export type PreviewCounts = { rows: number; valid: number; rejected: number; duplicates: number; warnings: string[] };

/**
 * The head of a preview: the file, its counts, one sentence for screen readers (`extra` ends it),
 * warnings and why the preview could not be updated.
 */
export function PreviewSummaryCard(props: {
  file: ChosenFile;
  kindLabel?: string;
  preview: PreviewCounts;
  duplicatesNote?: string;
  extra?: string;
  updating: boolean;
  failure: string | null;
  disabled: boolean;
  onStartOver: () => void;
}) {
  const { preview, updating } = props;
  const n = (value: number) => value.toLocaleString("en-US");
  return (
    <Card
      title={props.file.name}
      description={`${props.kindLabel ? `${props.kindLabel} · ` : ""}${fileSize(props.file.size)} · checked, nothing stored yet`}
      actions={
        <Button variant="secondary" onClick={props.onStartOver} disabled={props.disabled}>
          Choose another file
        </Button>
      }
    >
      <dl className={`grid grid-cols-2 gap-3 sm:grid-cols-4 ${updating ? "opacity-60" : ""}`}>
        <ImportStat label="Rows" value={preview.rows} />
        <ImportStat label="Valid" value={preview.valid} tone="green" />
        <ImportStat label="With errors" value={preview.rejected} tone="red" />
        <ImportStat label="Already imported" value={preview.duplicates} tone="muted" />
      </dl>
      <p role="status" aria-live="polite" className="mt-3 text-sm text-slate-600">
        {updating
          ? "Updating the preview…"
          : `${plural(preview.rows, "row")}: ${n(preview.valid)} valid, ${n(preview.rejected)} with errors${
              preview.duplicates ? `, ${n(preview.duplicates)} already imported${props.duplicatesNote ?? ""}` : ""
            }.${props.extra ?? ""}`}
      </p>
      {preview.warnings.length > 0 ? (
        <div className="mt-3">
          <Alert tone="info">
            <ul className="list-disc space-y-0.5 pl-4">
              {preview.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </Alert>
        </div>
      ) : null}
      {props.failure ? (
        <div className="mt-3">
          <Alert>{props.failure}</Alert>
        </div>
      ) : null}
    </Card>
  );
}

/** The bar that stays at the bottom of a preview: why the import failed, what it will do, the button. */
export function CommitBar({ failure, message, disabled, committing, count, rowWord, onCommit }: { failure: string | null; message: string; disabled: boolean; committing: boolean; count: number; rowWord: string; onCommit: () => void }): ReactNode {
  return (
    <section aria-label="Import" className="sticky bottom-0 z-10 -mx-1 rounded-lg border border-slate-200 bg-white/95 px-5 py-4 shadow-sm backdrop-blur">
      {failure ? (
        <div className="mb-3">
          <Alert>{failure}</Alert>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">{message}</p>
        <Button onClick={onCommit} disabled={disabled}>
          {committing ? `Importing ${plural(count, rowWord)}…` : `Import ${plural(count, rowWord)}`}
        </Button>
      </div>
    </section>
  );
}
