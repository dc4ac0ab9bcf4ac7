import type { OrgContext } from "@/lib/auth/org-context";
import type { Permission } from "@/lib/auth/permissions";

/**
 * What an import reads: a CSV file with an optional column mapping (as received: each kind checks
 * it against its schema), or rows already in JSON.
 */
export type ImportInput = { format: "csv"; text: string; mapping?: unknown } | { format: "json"; rows: readonly unknown[] };

/** A column of the file and the field it fills (null: ignored), with its first value as an example. */
export type ImportColumn = { header: string; field: string | null; example: string | null };

/**
 * One rejected row: its CSV line (the header is line 1; null for JSON rows), its position among
 * the data rows (0-based), its id when it has one, and what is wrong, naming the columns.
 */
export type ImportRowError = { line: number | null; index: number; id: string | null; message: string };

/** A dry run: what the import would do, with nothing stored. */
export type ImportPreview = {
  columns: ImportColumn[];
  warnings: string[];
  rows: number;
  valid: number;
  rejected: number;
  /** The first rejected rows (see `rejected` for how many there are). */
  errors: ImportRowError[];
  sample: unknown[];
};

/** What a committed import stored: valid rows are stored, rejected ones are not. */
export type ImportCommit = {
  rows: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: ImportRowError[];
  warnings: string[];
};

/** One kind of import (`POST /api/v1/imports/{kind}`): who may run it, and its preview and commit. */
export type ImportKindDefinition = {
  permission: Permission;
  /** The array a JSON body carries rows in, e.g. `{ "events": [...] }`. */
  jsonField: string;
  preview(ctx: OrgContext, input: ImportInput): Promise<ImportPreview>;
  commit(ctx: OrgContext, input: ImportInput): Promise<ImportCommit>;
};
