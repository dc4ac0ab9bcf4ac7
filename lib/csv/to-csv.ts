/** A cell value as CSV receives it; null and undefined become empty cells. */
export type CsvCell = string | number | bigint | boolean | null | undefined | Date;

const NUMERIC = /^-?\d+(\.\d+)?$/;

function formatCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  // A cell that starts like a formula would run in a spreadsheet (CSV injection); numbers are safe.
  if (/^[=+\-@\t\r]/.test(text) && !NUMERIC.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes rows as RFC 4180 CSV with a header row and CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(formatCell).join(",")).join("\r\n") + "\r\n";
}
