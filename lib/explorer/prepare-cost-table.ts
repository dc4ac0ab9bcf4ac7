import type { CostDimension } from "@/lib/costs/schemas";
import type { CsvCell } from "@/lib/csv/to-csv";
import { divideDecimal, fromUnits, toUnits } from "@/lib/format/decimal";

/** What the table reads of a costs answer. */
export type TableRowInput = {
  cost_usd: string;
  events: number;
  input_tokens: number;
  output_tokens: number;
  unpriced_events: number;
} & Partial<Record<CostDimension, string>>;
export type TableInput = { group_by: readonly CostDimension[]; total: TableRowInput; rows: readonly TableRowInput[] };

/** One line of the table: the dimension values and exact measures over the whole range. */
export type CostTableRow = {
  key: string;
  values: string[];
  cost_usd: string;
  cost_per_event: string | null;
  events: number;
  input_tokens: number;
  output_tokens: number;
  unpriced_events: number;
  /** Share of the total cost in percent, one decimal ("42.5"); null when the total is 0. */
  share: string | null;
};

export type CostTable = { dimensions: CostDimension[]; rows: CostTableRow[]; total: CostTableRow };

function shareOf(units: bigint, total: bigint): string | null {
  if (total === BigInt(0)) return null;
  const tenths = (units * BigInt(2000) + total) / (total * BigInt(2)); // per mille, rounded half up
  return `${tenths / BigInt(10)}.${tenths % BigInt(10)}`;
}

/**
 * Rows → one table line per combination of the grouped dimensions, summed over the periods,
 * most expensive first (ties by values). The total line is the API's own total (the SQL sum).
 */
export function prepareCostTable(input: TableInput): CostTable {
  const dimensions = [...input.group_by];
  const lines = new Map<string, { values: string[]; units: bigint; events: number; input_tokens: number; output_tokens: number; unpriced_events: number }>();
  for (const row of input.rows) {
    const values = dimensions.map((d) => row[d] ?? "(untagged)");
    const key = JSON.stringify(values);
    const line = lines.get(key) ?? { values, units: BigInt(0), events: 0, input_tokens: 0, output_tokens: 0, unpriced_events: 0 };
    line.units += toUnits(row.cost_usd);
    line.events += row.events;
    line.input_tokens += row.input_tokens;
    line.output_tokens += row.output_tokens;
    line.unpriced_events += row.unpriced_events;
    lines.set(key, line);
  }
  const totalUnits = toUnits(input.total.cost_usd);
  const rows = [...lines.entries()]
    .sort(([ka, a], [kb, b]) => (a.units === b.units ? ka.localeCompare(kb) : a.units > b.units ? -1 : 1))
    .map(([key, line]): CostTableRow => {
      const cost = fromUnits(line.units);
      return {
        key,
        values: line.values,
        cost_usd: cost,
        cost_per_event: divideDecimal(cost, line.events),
        events: line.events,
        input_tokens: line.input_tokens,
        output_tokens: line.output_tokens,
        unpriced_events: line.unpriced_events,
        share: shareOf(line.units, totalUnits),
      };
    });
  const total: CostTableRow = {
    key: "total",
    values: dimensions.map(() => ""),
    cost_usd: fromUnits(totalUnits),
    cost_per_event: divideDecimal(fromUnits(totalUnits), input.total.events),
    events: input.total.events,
    input_tokens: input.total.input_tokens,
    output_tokens: input.total.output_tokens,
    unpriced_events: input.total.unpriced_events,
    share: totalUnits === BigInt(0) ? null : "100.0",
  };
  return { dimensions, rows, total };
}

/** The table as CSV: the same lines with exact decimal strings, and the total last. */
export function costTableCsv(table: CostTable): { header: string[]; rows: CsvCell[][] } {
  const header = [...table.dimensions, "cost_usd", "cost_per_event_usd", "events", "input_tokens", "output_tokens", "unpriced_events"];
  const line = (row: CostTableRow, values: string[]): CsvCell[] => [...values, row.cost_usd, row.cost_per_event, row.events, row.input_tokens, row.output_tokens, row.unpriced_events];
  const totalValues = table.dimensions.length > 0 ? ["Total", ...table.dimensions.slice(1).map(() => "")] : [];
  return { header, rows: [...table.rows.map((row) => line(row, row.values)), line(table.total, totalValues)] };
}
