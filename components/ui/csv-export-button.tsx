"use client";

import { toCsv, type CsvCell } from "@/lib/csv/to-csv";

/** Downloads the rows a table shows as a CSV file, built in the browser from the same data. */
export function CsvExportButton({ filename, header, rows }: { filename: string; header: string[]; rows: CsvCell[][] }) {
  function download() {
    const blob = new Blob([toCsv(header, rows)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.click();
    URL.revokeObjectURL(url);
  }
  return (
    <button
      type="button"
      onClick={download}
      disabled={rows.length === 0}
      className="inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-400"
    >
      Export CSV
    </button>
  );
}
