import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, foundOrThrow } from "@/lib/errors/app-error";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { sumDecimals } from "@/lib/format/decimal";
import type { ImportColumn, ImportCommit, ImportInput, ImportKindDefinition, ImportPreview, ImportRowError } from "@/lib/imports/types";
import { parseVendorBill, parseVendorBillText } from "@/lib/vendor-bills/parse-vendor-bill";
import type { ParsedVendorBill } from "@/lib/vendor-bills/types";
import { EXPENSE_FIELDS, expensesFromCsv } from "./expenses-from-csv";
import { SUBSCRIPTION_FIELDS, subscriptionsFromCsv } from "./subscriptions-from-csv";
import { runShadowAiAudit } from "./run-audit";

const MAX_LISTED_ERRORS = 200;
// Rows per statement: keeps bind parameters far under PostgreSQL's 65,535 for a 50,000-row file.
const CHUNK = 1_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) out.push(items.slice(start, start + CHUNK));
  return out;
}
const SAMPLE_SIZE = 20;

/** What the web page knows beyond the API: the uploaded file's name, kept in the import history. */
export type ShadowAiCommitOptions = { fileName?: string | null };

/** A committed Shadow AI import: the batch it created (null when every row was already stored). */
export type ShadowAiImportCommit = ImportCommit & { importId: string | null };

type RowTable = "expense" | "billed" | "subscription";

async function countStoredHashes(ctx: OrgContext, table: RowTable, hashes: string[]): Promise<number> {
  let stored = 0;
  for (const part of chunks(hashes)) {
    const where = { orgId: ctx.orgId, rowHash: { in: part } };
    stored += table === "expense" ? await db.expenseTransaction.count({ where }) : table === "billed" ? await db.billedCost.count({ where }) : await db.saasSubscription.count({ where });
  }
  return stored;
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function storedHashes(tx: Tx, ctx: OrgContext, table: RowTable, hashes: string[]): Promise<Set<string>> {
  const stored = new Set<string>();
  for (const part of chunks(hashes)) {
    const where = { orgId: ctx.orgId, rowHash: { in: part } };
    const select = { rowHash: true } as const;
    const rows =
      table === "expense" ? await tx.expenseTransaction.findMany({ where, select }) : table === "billed" ? await tx.billedCost.findMany({ where, select }) : await tx.saasSubscription.findMany({ where, select });
    for (const r of rows) stored.add(r.rowHash);
  }
  return stored;
}

type ImportedRow = { rowHash: string; amountUsd: string };

/**
 * Stores the rows not stored yet as one import batch (audited), then re-runs the audit when any
 * row was new. `insert` writes one chunk of a kind's rows and answers how many it inserted.
 */
async function storeNewRows<R extends ImportedRow>(
  ctx: OrgContext,
  batchInfo: { kind: "expenses" | "subscriptions" | "vendor-bills"; table: RowTable; fileName?: string | null; audit?: Record<string, unknown> },
  rows: R[],
  insert: (tx: Tx, part: R[], importId: string) => Promise<number>,
): Promise<{ importId: string | null; accepted: number }> {
  const result = await db.$transaction(async (tx) => {
    const stored = await storedHashes(tx, ctx, batchInfo.table, rows.map((r) => r.rowHash));
    const fresh = rows.filter((r) => !stored.has(r.rowHash));
    if (fresh.length === 0) return { importId: null, accepted: 0 };
    const batch = await tx.importBatch.create({
      data: { orgId: ctx.orgId, kind: batchInfo.kind, fileName: batchInfo.fileName ?? null, rows: fresh.length, totalUsd: sumDecimals(fresh.map((r) => r.amountUsd)), createdBy: ctx.actorLabel },
    });
    // Inserts skip duplicates: a concurrent import of the same file may have stored some rows since the check above.
    let accepted = 0;
    for (const part of chunks(fresh)) accepted += await insert(tx, part, batch.id);
    if (accepted !== fresh.length) await tx.importBatch.update({ where: { orgId_id: { orgId: ctx.orgId, id: batch.id } }, data: { rows: accepted } });
    await recordAudit(tx, ctx, { action: "import.create", targetType: "import", targetId: batch.id, after: { kind: batchInfo.kind, ...batchInfo.audit, rows: accepted, totalUsd: batch.totalUsd.toString() } });
    return { importId: batch.id, accepted };
  });
  if (result.accepted > 0) await runShadowAiAudit(ctx);
  return result;
}

type CsvRows<R> = { columns: ImportColumn[]; warnings: string[]; rows: { line: number; index: number; value: R | null; message: string | null }[] };

function csvRowErrors(prepared: CsvRows<unknown>): ImportRowError[] {
  return prepared.rows
    .filter((r) => r.message !== null)
    .slice(0, MAX_LISTED_ERRORS)
    .map((r) => ({ line: r.line, index: r.index, id: null, message: r.message! }));
}

/**
 * An import kind for a CSV of money rows (expenses, subscriptions): a preview that counts rows
 * already stored, and a commit that stores all rows or none, each row once by its hash.
 */
function csvRowsImportKind<R extends ImportedRow, F extends string>(spec: {
  kind: "expenses" | "subscriptions";
  table: RowTable;
  /** The fields a column can be mapped to. */
  fields: readonly [F, ...F[]];
  fromCsv: (text: string, mapping: Record<string, F | null> | undefined) => CsvRows<R>;
  insert: (tx: Tx, part: (R & { line: number })[], importId: string, orgId: string) => Promise<number>;
}) {
  const mappingSchema = z.object({ mapping: z.record(z.string().max(200), z.enum(spec.fields).nullable()).optional() });
  function prepare(input: ImportInput): CsvRows<R> {
    if (input.format === "json") {
      throw new AppError("INVALID_INPUT", `Send ${spec.kind} as CSV: text/csv, or JSON { "csv": "...", "mapping"?: {...} }`, {
        issues: [{ path: "(body)", message: `${spec.kind} are imported from CSV` }],
      });
    }
    const { mapping } = parseOrThrow(mappingSchema, { mapping: input.mapping });
    return spec.fromCsv(input.text, mapping);
  }
  return {
    permission: "manage_shadow_ai",
    jsonField: spec.kind,
    async preview(ctx: OrgContext, input: ImportInput): Promise<ImportPreview & { duplicates: number }> {
      authorizeOrThrow(ctx, "manage_shadow_ai");
      const prepared = prepare(input);
      const valid = prepared.rows.flatMap((r) => (r.value ? [{ line: r.line, ...r.value }] : []));
      return {
        columns: prepared.columns,
        warnings: prepared.warnings,
        rows: prepared.rows.length,
        valid: valid.length,
        rejected: prepared.rows.length - valid.length,
        duplicates: await countStoredHashes(
          ctx,
          spec.table,
          valid.map((v) => v.rowHash),
        ),
        errors: csvRowErrors(prepared),
        // The hash is storage detail, not something a person checks in a preview.
        sample: valid.slice(0, SAMPLE_SIZE).map((row) => ({ ...row, rowHash: undefined })),
      };
    },
    async commit(ctx: OrgContext, input: ImportInput, options: ShadowAiCommitOptions = {}): Promise<ShadowAiImportCommit> {
      authorizeOrThrow(ctx, "manage_shadow_ai");
      const prepared = prepare(input);
      const rejected = prepared.rows.filter((r) => r.message !== null).length;
      // All or nothing: a file with any bad row is refused whole, so a fix-and-retry never half-imports.
      if (rejected > 0) return { rows: prepared.rows.length, accepted: 0, duplicates: 0, rejected, errors: csvRowErrors(prepared), warnings: prepared.warnings, importId: null };
      const rows = prepared.rows.map((r) => ({ line: r.line, ...r.value! }));
      const { importId, accepted } = await storeNewRows(ctx, { kind: spec.kind, table: spec.table, fileName: options.fileName }, rows, (tx, part, importId) => spec.insert(tx, part, importId, ctx.orgId));
      return { rows: rows.length, accepted, duplicates: rows.length - accepted, rejected: 0, errors: [], warnings: prepared.warnings, importId };
    },
  } satisfies ImportKindDefinition;
}

/** `POST /api/v1/imports/expenses`: a CSV of expense and card lines, all rows or none, idempotent per row. */
export const expensesImportKind = csvRowsImportKind({
  kind: "expenses",
  table: "expense",
  fields: EXPENSE_FIELDS,
  fromCsv(text, mapping) {
    const prepared = expensesFromCsv(text, mapping);
    return { ...prepared, rows: prepared.rows.map((r) => ({ ...r, value: r.expense })) };
  },
  async insert(tx, part, importId, orgId) {
    const inserted = await tx.expenseTransaction.createMany({
      skipDuplicates: true,
      data: part.map((r) => ({
        orgId,
        importId,
        rowHash: r.rowHash,
        rowNumber: r.line,
        date: new Date(`${r.date}T00:00:00Z`),
        employee: r.employee,
        email: r.email,
        merchant: r.merchant,
        description: r.description,
        amountUsd: r.amountUsd,
        currency: r.currency,
        costCenter: r.costCenter,
        vendorId: r.match?.vendorId ?? null,
        product: r.match?.product ?? null,
        category: r.match?.category ?? null,
        apiProvider: r.match?.apiProvider ?? false,
      })),
    });
    return inserted.count;
  },
});

/** `POST /api/v1/imports/subscriptions`: a SaaS subscriptions CSV (a SaaS-management export), all rows or none, idempotent per row. */
export const subscriptionsImportKind = csvRowsImportKind({
  kind: "subscriptions",
  table: "subscription",
  fields: SUBSCRIPTION_FIELDS,
  fromCsv(text, mapping) {
    const prepared = subscriptionsFromCsv(text, mapping);
    return { ...prepared, rows: prepared.rows.map((r) => ({ ...r, value: r.subscription })) };
  },
  async insert(tx, part, importId, orgId) {
    const inserted = await tx.saasSubscription.createMany({
      skipDuplicates: true,
      data: part.map((r) => ({
        orgId,
        importId,
        rowHash: r.rowHash,
        rowNumber: r.line,
        vendorName: r.vendorName,
        plan: r.plan,
        owner: r.owner,
        email: r.email,
        seats: r.seats,
        amountUsd: r.amountUsd,
        billingCycle: r.billingCycle,
        startDate: r.startDate ? new Date(`${r.startDate}T00:00:00Z`) : null,
        renewalDate: r.renewalDate ? new Date(`${r.renewalDate}T00:00:00Z`) : null,
        costCenter: r.costCenter,
        vendorId: r.match?.vendorId ?? null,
        product: r.match?.product ?? null,
        category: r.match?.category ?? null,
        apiProvider: r.match?.apiProvider ?? false,
      })),
    });
    return inserted.count;
  },
});

function parseBill(input: ImportInput): ParsedVendorBill {
  // The route reads `{ "data": [...] }` as rows: that is the vendors' own page shape, so an export is posted as it is.
  return input.format === "json" ? parseVendorBill({ data: input.rows }) : parseVendorBillText(input.text);
}

function billErrors(bill: ParsedVendorBill): ImportRowError[] {
  return bill.errors.slice(0, MAX_LISTED_ERRORS).map((e, index) => ({ line: null, index, id: e.path, message: `${e.path}: ${e.message}` }));
}

function billRowHashes(bill: ParsedVendorBill): string[] {
  const occurrences = new Map<string, number>();
  return bill.rows.map((r) => {
    const content = JSON.stringify([r.vendor, r.date, r.project, r.apiKeyId, r.model, r.lineItem, r.amountUsd]);
    const occurrence = (occurrences.get(content) ?? 0) + 1;
    occurrences.set(content, occurrence);
    return createHash("sha256").update(`${content}#${occurrence}`).digest("hex");
  });
}

/** `POST /api/v1/imports/vendor-bills`: an OpenAI costs or Anthropic cost report page, stored as billed cost; any error stores nothing. */
export const vendorBillsImportKind = {
  permission: "manage_shadow_ai",
  jsonField: "data",
  async preview(ctx: OrgContext, input: ImportInput): Promise<ImportPreview & { vendor: string | null; duplicates: number; totalUsd: string }> {
    authorizeOrThrow(ctx, "manage_shadow_ai");
    const bill = parseBill(input);
    return {
      vendor: bill.vendor,
      columns: [],
      warnings: [],
      rows: bill.rows.length + bill.errors.length,
      valid: bill.rows.length,
      rejected: bill.errors.length,
      duplicates: await countStoredHashes(ctx, "billed", billRowHashes(bill)),
      totalUsd: sumDecimals(bill.rows.map((r) => r.amountUsd)),
      errors: billErrors(bill),
      sample: bill.rows.slice(0, SAMPLE_SIZE),
    };
  },
  async commit(ctx: OrgContext, input: ImportInput, options: ShadowAiCommitOptions = {}): Promise<ShadowAiImportCommit> {
    authorizeOrThrow(ctx, "manage_shadow_ai");
    const bill = parseBill(input);
    const total = bill.rows.length + bill.errors.length;
    if (bill.errors.length > 0) return { rows: total, accepted: 0, duplicates: 0, rejected: bill.errors.length, errors: billErrors(bill), warnings: [], importId: null };
    const hashes = billRowHashes(bill);
    const { importId, accepted } = await storeNewRows(ctx, { kind: "vendor-bills", table: "billed", fileName: options.fileName, audit: { vendor: bill.vendor } }, bill.rows.map((r, i) => ({ ...r, rowHash: hashes[i] })), async (tx, part, importId) => {
      const inserted = await tx.billedCost.createMany({
        skipDuplicates: true,
        data: part.map((r) => ({
          orgId: ctx.orgId,
          importId,
          rowHash: r.rowHash,
          rowRef: r.rowRef,
          vendor: r.vendor,
          date: new Date(`${r.date}T00:00:00Z`),
          month: r.month,
          project: r.project,
          apiKeyId: r.apiKeyId,
          model: r.model,
          lineItem: r.lineItem,
          amountUsd: r.amountUsd,
        })),
      });
      return inserted.count;
    });
    return { rows: total, accepted, duplicates: total - accepted, rejected: 0, errors: [], warnings: [], importId };
  },
} satisfies ImportKindDefinition;

/** The organization's Shadow AI imports, newest first (the history the page undoes). */
export async function listShadowAiImports(ctx: OrgContext) {
  authorizeOrThrow(ctx, "read");
  return db.importBatch.findMany({ where: { orgId: ctx.orgId }, orderBy: { createdAt: "desc" }, take: 500 });
}

/** Undoes an import: deletes its rows, marks it undone (audited), then re-runs the audit. */
export async function undoShadowAiImport(ctx: OrgContext, importId: string): Promise<{ id: string; deleted: number }> {
  authorizeOrThrow(ctx, "manage_shadow_ai");
  const deleted = await db.$transaction(async (tx) => {
    const batch = foundOrThrow(await tx.importBatch.findUnique({ where: { orgId_id: { orgId: ctx.orgId, id: importId } } }), "Import");
    if (batch.undoneAt) throw new AppError("CONFLICT", "This import was already undone");
    const where = { orgId: ctx.orgId, importId };
    const removed =
      batch.kind === "expenses"
        ? await tx.expenseTransaction.deleteMany({ where })
        : batch.kind === "subscriptions"
          ? await tx.saasSubscription.deleteMany({ where })
          : batch.kind === "vendor-bills"
            ? await tx.billedCost.deleteMany({ where })
            : null;
    if (removed === null) throw new AppError("CONFLICT", `A ${batch.kind} import is not undone here`);
    await tx.importBatch.update({ where: { orgId_id: { orgId: ctx.orgId, id: importId } }, data: { undoneAt: new Date() } });
    await recordAudit(tx, ctx, { action: "import.undo", targetType: "import", targetId: importId, before: { kind: batch.kind, rows: batch.rows, totalUsd: batch.totalUsd.toString() } });
    return removed.count;
  });
  await runShadowAiAudit(ctx);
  return { id: importId, deleted };
}
