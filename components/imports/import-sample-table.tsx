"use client";

import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format/format-date";
import type { SampleEvent } from "@/lib/imports/import-events";

/** The first valid rows as they will be stored, so a wrong mapping shows before anything is imported. */
export function ImportSampleTable({ sample, timeZone }: { sample: SampleEvent[]; timeZone: string }) {
  return (
    <Table label="Sample of the events to import">
      <thead>
        <tr>
          <Th numeric>Line</Th>
          <Th>Id</Th>
          <Th>Time</Th>
          <Th>Provider / model</Th>
          <Th numeric>Input</Th>
          <Th numeric>Output</Th>
          <Th numeric>Cost (USD)</Th>
          <Th>Feature</Th>
          <Th>Run</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {sample.map((e) => (
          <tr key={e.id}>
            <Td numeric>{e.line}</Td>
            <Td className="max-w-40 truncate font-mono text-xs">{e.id}</Td>
            <Td>{formatDateTime(e.timestamp, timeZone)}</Td>
            <Td>
              <span className="text-slate-900">{e.provider}</span> <span className="font-mono text-xs">{e.model}</span>
            </Td>
            <Td numeric>{e.usage.input_tokens.toLocaleString("en-US")}</Td>
            <Td numeric>{e.usage.output_tokens.toLocaleString("en-US")}</Td>
            <Td numeric>{e.cost_usd !== null ? `$${e.cost_usd}` : <span className="text-xs text-slate-500">priced on import</span>}</Td>
            <Td>{e.feature ?? <span className="text-slate-400">(untagged)</span>}</Td>
            <Td className="font-mono text-xs">{e.run_id ?? "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
