import { AppError } from "@/lib/errors/app-error";
import type { NormalizedEvent } from "@/lib/ingest/schemas";
import { validateEvents } from "@/lib/ingest/validate-events";
import { describeField, fieldForHeader, REQUIRED_FIELDS } from "./event-fields";
import { parseCsv } from "./parse-csv";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ColumnMapping } from "./schemas";
import type { ImportColumn } from "./types";

/** One data row, checked: the event to store, or why it is rejected. */
export type PreparedEventRow = {
  /** The CSV line the row starts on (header = line 1); null for JSON rows. */
  line: number | null;
  index: number;
  id: string | null;
  event: NormalizedEvent | null;
  message: string | null;
};

/** A file read into events: how its columns were understood, and every data row checked. */
export type PreparedEvents = { columns: ImportColumn[]; warnings: string[]; rows: PreparedEventRow[] };

// Strict: digits with an optional point and exponent. "12,5", "1 200", "$3" and "abc" are refused
// rather than guessed at, since a wrong guess would silently change costs.
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

function tooLarge(message: string): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", message);
}

/** Refuses a body over 5 MB; counts UTF-8 bytes only when the text might be that large. */
export function assertImportSize(text: string): void {
  const limit = `The file must be at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB; split it into smaller files`;
  if (text.length > MAX_IMPORT_BYTES) throw tooLarge(limit);
  if (text.length * 3 > MAX_IMPORT_BYTES && new TextEncoder().encode(text).byteLength > MAX_IMPORT_BYTES) throw tooLarge(limit);
}

function assertRowCount(rows: number): void {
  if (rows > MAX_IMPORT_ROWS) {
    throw tooLarge(`At most ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows per import; this one has ${rows.toLocaleString("en-US")}. Split it into smaller files`);
  }
}

/**
 * Matches the file's headers to event fields: the explicit mapping first, then the automatic
 * match (case, spaces, `_` and `-` ignored; aliases; `tag.<key>` columns). A field takes the first
 * column that claims it; unknown and surplus columns are ignored with a warning.
 */
export function resolveColumns(headers: readonly string[], mapping: ColumnMapping = {}): { columns: { header: string; field: string | null }[]; warnings: string[] } {
  const warnings: string[] = [];
  const trimmed = headers.map((h) => h.trim());
  const claimedBy = new Map<string, string>();
  const fields: (string | null)[] = trimmed.map(() => null);
  const claim = (position: number, field: string | null) => {
    if (!field) return;
    const owner = claimedBy.get(field);
    if (owner !== undefined) {
      warnings.push(`Columns "${owner}" and "${trimmed[position]}" both map to ${field}; "${trimmed[position]}" is ignored.`);
      return;
    }
    claimedBy.set(field, trimmed[position]);
    fields[position] = field;
  };
  const explicit = trimmed.map((header) => Object.hasOwn(mapping, header));
  trimmed.forEach((header, position) => {
    if (explicit[position]) claim(position, mapping[header]);
  });
  trimmed.forEach((header, position) => {
    if (explicit[position]) return;
    if (header === "") {
      warnings.push(`Column ${position + 1} has no header; it is ignored.`);
      return;
    }
    const field = fieldForHeader(header);
    if (field === null) warnings.push(`Column "${header}" is not an event field; it is ignored.`);
    claim(position, field);
  });
  for (const header of Object.keys(mapping)) {
    if (!trimmed.includes(header)) warnings.push(`The mapping names "${header}", which is not a column of this file.`);
  }
  for (const field of REQUIRED_FIELDS) {
    if (!claimedBy.has(field)) warnings.push(`No column maps to ${field}, which is required: every row will be rejected.`);
  }
  return { columns: trimmed.map((header, position) => ({ header, field: fields[position] })), warnings };
}

/** How an error names a column: its header, and the field it maps to when that reads differently. */
function columnLabel(header: string, field: string): string {
  return header === field ? header : `${header} (${field})`;
}

function setField(wire: Record<string, unknown>, field: string, value: unknown): void {
  const dot = field.indexOf(".");
  if (dot === -1) {
    wire[field] = value;
    return;
  }
  const group = field.slice(0, dot);
  const nested = (wire[group] ??= {}) as Record<string, unknown>;
  nested[field.slice(dot + 1)] = value;
}

/** Rewrites "path: message" parts of a validation message to name the column the path came from. */
function nameColumns(message: string, headerByField: ReadonlyMap<string, string>): string {
  return message
    .split("; ")
    .map((part) => {
      const match = /^([^\s:]+): ([\s\S]*)$/.exec(part);
      const header = match ? headerByField.get(match[1]) : undefined;
      return match && header !== undefined ? `${columnLabel(header, match[1])}: ${match[2]}` : part;
    })
    .join("; ");
}

/** Validates one wire event and applies the file-wide rule that an id appears once. */
function checkRow(
  wire: unknown,
  problems: string[],
  position: { line: number | null; index: number },
  seen: Map<string, string>,
  now: Date,
  headerByField: ReadonlyMap<string, string>,
): PreparedEventRow {
  const rawId = typeof wire === "object" && wire !== null ? (wire as { id?: unknown }).id : undefined;
  const id = typeof rawId === "string" ? rawId : null;
  const { valid, errors } = validateEvents([wire], now);
  if (errors.length > 0) problems.push(nameColumns(errors[0].message, headerByField));
  const event = valid[0] ?? null;
  if (event && problems.length === 0) {
    const first = seen.get(event.id);
    if (first !== undefined) problems.push(`id: "${event.id}" is also on ${first}; each id may appear once in an import`);
    else seen.set(event.id, position.line === null ? `row ${position.index + 1}` : `line ${position.line}`);
  }
  if (problems.length > 0) return { ...position, id, event: null, message: problems.join("; ") };
  return { ...position, id, event, message: null };
}

/**
 * Reads a CSV file of events (header row first) into checked events. Cells are trimmed and an
 * empty cell is an absent field; numbers are parsed strictly and money stays a decimal string.
 * Each row error names its line and columns.
 */
export function eventsFromCsv(text: string, mapping?: ColumnMapping, now: Date = new Date()): PreparedEvents {
  assertImportSize(text);
  const records = parseCsv(text);
  if (records.length === 0) {
    throw new AppError("INVALID_INPUT", "The file is empty: it needs a header row, then one row per event", { issues: [{ path: "line 1", message: "is empty" }] });
  }
  const [header, ...data] = records;
  const dataRecords = data.filter((r) => r.cells.some((c) => c.trim() !== ""));
  assertRowCount(dataRecords.length);
  const { columns, warnings } = resolveColumns(header.cells, mapping);
  const headerByField = new Map(columns.filter((c) => c.field !== null).map((c) => [c.field!, c.header]));
  const kinds = columns.map((c) => (c.field ? describeField(c.field)!.kind : null));
  const seen = new Map<string, string>();
  const rows = dataRecords.map((record, index): PreparedEventRow => {
    const problems: string[] = [];
    const wire: Record<string, unknown> = {};
    if (record.cells.length !== columns.length) {
      const idColumn = columns.findIndex((c) => c.field === "id");
      const id = idColumn >= 0 && record.cells[idColumn]?.trim() ? record.cells[idColumn].trim() : null;
      const message = `the row has ${record.cells.length} cells but the header has ${columns.length}; check for an unquoted comma or a missing cell`;
      return { line: record.line, index, id, event: null, message };
    }
    columns.forEach((column, position) => {
      const raw = record.cells[position].trim();
      if (!column.field || raw === "") return;
      if (kinds[position] !== "text" && !NUMBER.test(raw)) {
        const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
        problems.push(`${columnLabel(column.header, column.field)}: "${shown}" is not a number (${kinds[position] === "integer" ? "use digits only, e.g. 1200" : "use digits and a point, e.g. 0.0125"})`);
        return;
      }
      setField(wire, column.field, kinds[position] === "integer" ? Number(raw) : raw);
    });
    return checkRow(wire, problems, { line: record.line, index }, seen, now, headerByField);
  });
  const example = (position: number) => dataRecords.find((r) => r.cells[position]?.trim())?.cells[position].trim() ?? null;
  return { columns: columns.map((c, position) => ({ ...c, example: example(position) })), warnings, rows };
}

/** Reads events sent as JSON rows (`{ "events": [...] }`), with the same checks as CSV rows. */
export function eventsFromRows(items: readonly unknown[], now: Date = new Date()): PreparedEvents {
  assertRowCount(items.length);
  const seen = new Map<string, string>();
  const rows = items.map((item, index) => checkRow(item, [], { line: null, index }, seen, now, new Map()));
  return { columns: [], warnings: [], rows };
}
