import { Table, Td, Th } from "@/components/ui/table";
import { formatUsdTotal, formatUsdUnit } from "@/lib/format/format-money";
import type { MarginRowView } from "@/lib/margins/prepare-margins-view";
import { MarginFlags } from "./margin-flags";
import { MarginTrend } from "./margin-trend";

const count = new Intl.NumberFormat("en-US");
const pct = (value: string | null) => (value === null ? "–" : `${value}%`);
const unit = (value: string | null) => (value === null ? "–" : formatUsdUnit(value));

type Row = Omit<MarginRowView, "feature"> & { feature?: string };

function Cells({ row }: { row: Row }) {
  return (
    <>
      <Td numeric>
        <span data-testid="margin-revenue">{formatUsdTotal(row.revenue_usd)}</span>
      </Td>
      <Td numeric>
        <span data-testid="margin-cost">{formatUsdTotal(row.inference_cost_usd)}</span>
      </Td>
      <Td numeric>
        <span data-testid="margin-gross">{formatUsdTotal(row.gross_margin_usd)}</span>
      </Td>
      <Td numeric>{pct(row.gross_margin_pct)}</Td>
      <Td numeric>
        <MarginTrend trend={row.marginTrend} unit="pp" />
      </Td>
      <Td numeric>{pct(row.inference_share_of_revenue_pct)}</Td>
      <Td numeric>{count.format(row.decisions)}</Td>
      <Td numeric>{unit(row.cost_per_decision_usd)}</Td>
      <Td numeric>{unit(row.cost_per_successful_outcome_usd)}</Td>
      <Td>
        <MarginFlags flags={row.flagViews} />
      </Td>
    </>
  );
}

/** Per feature and in total: revenue, inference cost, gross margin and its trend, inference share, per-decision costs and flags. */
export function MarginsTable({ rows, total }: { rows: MarginRowView[]; total: Row }) {
  return (
    <Table label="Margins per feature">
      <thead>
        <tr>
          <Th>Feature</Th>
          <Th numeric>Revenue</Th>
          <Th numeric>Inference cost</Th>
          <Th numeric>Gross margin</Th>
          <Th numeric>Margin %</Th>
          <Th numeric>vs previous</Th>
          <Th numeric>Cost / revenue</Th>
          <Th numeric>Decisions</Th>
          <Th numeric>Cost / decision</Th>
          <Th numeric>Cost / success</Th>
          <Th>Flags</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.feature} data-testid="margin-row" data-feature={row.feature}>
            <Td className="max-w-[14rem] truncate font-medium text-slate-900">{row.feature}</Td>
            <Cells row={row} />
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t-2 border-slate-200 bg-slate-50 font-semibold">
        <tr data-testid="margin-total-row">
          <Td className="font-semibold text-slate-900">Total</Td>
          <Cells row={total} />
        </tr>
      </tfoot>
    </Table>
  );
}
