"use client";

import { Table, Th } from "@/components/ui/table";
import type { ImportRowError } from "@/lib/imports/types";

/** Rejected rows: the CSV line, the id and what is wrong, naming the columns. */
export function ImportErrorsTable({ errors, total }: { errors: ImportRowError[]; total: number }) {
  return (
    <>
      <Table label="Rows with errors">
        <thead>
          <tr>
            <Th numeric>Line</Th>
            <Th>Id</Th>
            <Th>Problem</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {errors.map((e) => (
            <tr key={e.index} className="align-top">
              <td className="whitespace-nowrap px-5 py-2.5 text-right font-medium tabular-nums text-slate-900">{e.line ?? `row ${e.index + 1}`}</td>
              <td className="max-w-48 truncate px-5 py-2.5 font-mono text-xs text-slate-700" title={e.id ?? undefined}>
                {e.id ?? <span className="font-sans text-slate-400">—</span>}
              </td>
              <td className="min-w-80 px-5 py-2.5 text-slate-700">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {total > errors.length ? (
        <p className="mt-3 text-xs text-slate-500">
          Showing the first {errors.length.toLocaleString("en-US")} of {total.toLocaleString("en-US")} rows with errors.
        </p>
      ) : null}
    </>
  );
}
