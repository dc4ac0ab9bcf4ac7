import { CsvExportButton } from "@/components/ui/csv-export-button";
import { Table, Td, Th } from "@/components/ui/table";
import { formatUsdTotal, formatUsdUnit } from "@/lib/format/format-money";
import { costTableCsv, type CostTable } from "@/lib/explorer/prepare-cost-table";

const count = (n: number) => n.toLocaleString("en-US");

const DIMENSION_LABELS: Record<string, string> = {
  feature: "Feature",
  team: "Team",
  customer: "Customer",
  environment: "Environment",
  workflow: "Workflow",
  provider: "Provider",
  model: "Model",
};

export function dimensionLabel(dimension: string): string {
  return DIMENSION_LABELS[dimension] ?? dimension;
}

/** The explorer's table: one line per grouped value over the range, the total last. */
export function CostTableView({ table, fileName }: { table: CostTable; fileName: string }) {
  const csv = costTableCsv(table);
  return (
    <>
      <div className="mb-3 flex justify-end">
        <CsvExportButton filename={fileName} header={csv.header} rows={csv.rows} />
      </div>
      <Table label="Costs by dimension">
        <thead>
          <tr>
            {table.dimensions.map((d) => (
              <Th key={d}>{dimensionLabel(d)}</Th>
            ))}
            <Th numeric>Cost</Th>
            <Th numeric>Share</Th>
            <Th numeric>Calls</Th>
            <Th numeric>Cost per call</Th>
            <Th numeric>Input tokens</Th>
            <Th numeric>Output tokens</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.values.map((value, i) => (
                <Td key={table.dimensions[i]} className={value === "(untagged)" ? "italic text-slate-500" : "font-medium text-slate-900"}>
                  {value}
                </Td>
              ))}
              <Td numeric>{formatUsdTotal(row.cost_usd)}</Td>
              <Td numeric>{row.share === null ? "–" : `${row.share}%`}</Td>
              <Td numeric>{count(row.events)}</Td>
              <Td numeric>{row.cost_per_event === null ? "–" : formatUsdUnit(row.cost_per_event)}</Td>
              <Td numeric>{count(row.input_tokens)}</Td>
              <Td numeric>{count(row.output_tokens)}</Td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-200">
          <tr>
            {table.dimensions.length > 0 ? (
              <Td className="font-semibold text-slate-900">
                <span>Total</span>
              </Td>
            ) : null}
            {table.dimensions.slice(1).map((d) => (
              <Td key={d} />
            ))}
            <Td numeric className="font-semibold text-slate-900">
              {formatUsdTotal(table.total.cost_usd)}
            </Td>
            <Td numeric>{table.total.share === null ? "–" : `${table.total.share}%`}</Td>
            <Td numeric>{count(table.total.events)}</Td>
            <Td numeric>{table.total.cost_per_event === null ? "–" : formatUsdUnit(table.total.cost_per_event)}</Td>
            <Td numeric>{count(table.total.input_tokens)}</Td>
            <Td numeric>{count(table.total.output_tokens)}</Td>
          </tr>
        </tfoot>
      </Table>
      {table.total.unpriced_events > 0 ? (
        <p className="mt-3 text-xs text-amber-700">{count(table.total.unpriced_events)} calls had no known price and count as $0.</p>
      ) : null}
    </>
  );
}
