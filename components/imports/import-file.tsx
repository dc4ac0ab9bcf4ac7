import { Card } from "@/components/ui/card";
import type { ImportRowError } from "@/lib/imports/types";

/** The largest file the pages send (the API's own limit, SPEC 2.1). */
export const BROWSER_MAX_BYTES = 5 * 1024 * 1024;
export const BROWSER_MAX_LABEL = "5 MB";

/** A file read into memory once, so every preview and the import send the same bytes. */
export type ChosenFile = { name: string; size: number; blob: Blob };

/** "1 row", "1,204 rows". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** A file size as people read it: B, KB, MB. */
export function fileSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Row errors as CSV export rows: line, id, message. */
export function errorRows(errors: ImportRowError[]) {
  return errors.map((e) => [e.line ?? "", e.id ?? "", e.message]);
}

/**
 * Reads a chosen file into memory (a File is only a handle: the file on disk may change between the
 * preview and the import), or answers why it cannot be imported, naming it. `tooLargeAdvice` ends
 * the message for a file over the limit.
 */
export async function readImportFile(chosen: File, type: string, tooLargeAdvice = "Split it into smaller files."): Promise<{ file: ChosenFile } | { error: string }> {
  if (chosen.size === 0) return { error: `${chosen.name} is empty. Choose a file with a header row and one row per line of data.` };
  if (chosen.size > BROWSER_MAX_BYTES) return { error: `${chosen.name} is ${fileSize(chosen.size)}; files uploaded here can be up to ${BROWSER_MAX_LABEL}. ${tooLargeAdvice}` };
  try {
    return { file: { name: chosen.name, size: chosen.size, blob: new Blob([await chosen.arrayBuffer()], { type }) } };
  } catch {
    return { error: `${chosen.name} could not be read. Check that the file is still there and try again.` };
  }
}

/** One count in a preview: rows, valid, rejected, duplicates. */
export function ImportStat({ label, value, tone = "neutral" }: { label: string; value: number; tone?: "neutral" | "green" | "red" | "muted" }) {
  const color = { neutral: "text-slate-900", green: "text-emerald-700", red: value > 0 ? "text-red-700" : "text-slate-900", muted: "text-slate-600" }[tone];
  return (
    <div className="rounded-md border border-slate-200 bg-white px-4 py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`mt-1 text-xl font-semibold tabular-nums ${color}`}>{value.toLocaleString("en-US")}</dd>
    </div>
  );
}

/** What shows while the first preview of a file is being made. */
export function PreviewSkeleton({ file }: { file: ChosenFile }) {
  return (
    <Card title="Checking the file">
      <div aria-busy="true" className="space-y-4">
        <p role="status" className="text-sm text-slate-600">
          Reading {file.name} ({fileSize(file.size)}) and checking every row. Nothing is stored.
        </p>
        <div className="grid animate-pulse grid-cols-2 gap-3 sm:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="h-16 rounded-md bg-slate-100" />
          ))}
        </div>
        <div className="h-40 animate-pulse rounded-md bg-slate-100" />
      </div>
    </Card>
  );
}
