import { AppError } from "@/lib/errors/app-error";
import { assertImportSize } from "./events-from-csv";
import { MAX_IMPORT_ROWS } from "./schemas";
import { parseCsv, type CsvRecord } from "./parse-csv";
import type { ImportColumn } from "./types";

/**
 * Which column fills which field: an explicit mapping `{ "<CSV header>": "<field>" | null }` first,
 * then what `fieldForHeader` recognizes; a field takes the first column that claims it.
 */
export function resolveMappedColumns<F extends string>(headers: readonly string[], mapping: Record<string, F | null>, fieldForHeader: (header: string) => F | null): (F | null)[] {
  const taken = new Set<F>();
  const fields: (F | null)[] = headers.map(() => null);
  const claim = (i: number, f: F | null) => {
    if (f && !taken.has(f)) {
      fields[i] = f;
      taken.add(f);
    }
  };
  headers.forEach((h, i) => h in mapping && claim(i, mapping[h]));
  headers.forEach((h, i) => !(h in mapping) && claim(i, fieldForHeader(h)));
  return fields;
}

/** A CSV read against a set of fields: its header, data records, the field of each column, and the columns as a preview shows them. */
export type MappedCsv<F extends string> = { header: CsvRecord; records: CsvRecord[]; fields: (F | null)[]; columns: ImportColumn[]; warnings: string[] };

/**
 * Parses a CSV of one import kind within the import limits and maps its columns; null for an empty file.
 * `fieldNoun` names the kind in the warning for an ignored column ("an expense field").
 */
export function readMappedCsv<F extends string>(text: string, mapping: Record<string, F | null>, fieldForHeader: (header: string) => F | null, fieldNoun: string): MappedCsv<F> | null {
  assertImportSize(text);
  const [header, ...records] = parseCsv(text);
  if (records.length > MAX_IMPORT_ROWS) {
    throw new AppError("PAYLOAD_TOO_LARGE", `At most ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows per import; this one has ${records.length.toLocaleString("en-US")}. Split it into smaller files`);
  }
  if (!header) return null;
  const fields = resolveMappedColumns(header.cells, mapping, fieldForHeader);
  const columns: ImportColumn[] = header.cells.map((h, i) => ({ header: h, field: fields[i], example: records[0]?.cells[i]?.trim() || null }));
  const warnings = columns.filter((c) => c.field === null).map((c) => `Column "${c.header}" is not ${fieldNoun} and is ignored`);
  return { header, records, fields, columns, warnings };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The calendar date (YYYY-MM-DD) a cell starts with, or null when it is not a real date. */
export function calendarDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * Reads one record's cells by field: `value` (trimmed, null when empty or unmapped) and `label`,
 * the name a row error uses for a field ("Posted (date)" when the header differs from the field,
 * compared by `headerKey`).
 */
export function recordReader<F extends string>(mapped: MappedCsv<F>, record: CsvRecord, headerKey: (header: string) => string) {
  return {
    value(f: F): string | null {
      const i = mapped.fields.indexOf(f);
      const v = i < 0 ? "" : (record.cells[i] ?? "").trim();
      return v === "" ? null : v;
    },
    label(f: F): string {
      const h = mapped.header.cells[mapped.fields.indexOf(f)];
      return h === undefined || headerKey(h) === headerKey(f) ? f : `${h} (${f})`;
    },
  };
}
