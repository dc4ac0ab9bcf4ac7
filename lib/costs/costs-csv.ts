import { toCsv, type CsvCell } from "@/lib/csv/to-csv";
import type { CostsResult } from "./query-costs";

const MEASURE_COLUMNS = ["cost_usd", "events", "input_tokens", "output_tokens", "cached_input_tokens", "reasoning_tokens", "unpriced_events"] as const;

/** The JSON answer as CSV: one line per row, `period`, the grouped dimensions, then the measures. */
export function costsToCsv(result: CostsResult): string {
  const header = ["period", ...result.group_by, ...MEASURE_COLUMNS];
  const rows = result.rows.map((row) => header.map((column) => (row as Record<string, CsvCell>)[column]));
  return toCsv(header, rows);
}
