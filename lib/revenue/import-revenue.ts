import "server-only";
import { z } from "zod";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { sumDecimals } from "@/lib/format/decimal";
import type { ImportCommit, ImportInput, ImportKindDefinition, ImportPreview, ImportRowError } from "@/lib/imports/types";
import { REVENUE_FIELDS, revenueFromCsv, revenueFromRows, revenueKey, type PreparedRevenue, type RevenueRow } from "./revenue-from-csv";

const MAX_LISTED_ERRORS = 200;
const SAMPLE_SIZE = 20;

const revenueMappingSchema = z.record(z.string().max(200), z.enum(REVENUE_FIELDS).nullable());

/** A preview of a revenue file: what would be new, what would replace a stored amount, and the total. */
export type RevenueImportPreview = ImportPreview & { duplicates: number; replaces: number; totalUsd: string };

type Db = Pick<typeof db, "revenue">;

function prepare(input: ImportInput): PreparedRevenue {
  if (input.format === "json") return revenueFromRows(input.rows);
  const { mapping } = parseOrThrow(z.object({ mapping: revenueMappingSchema.optional() }), { mapping: input.mapping });
  return revenueFromCsv(input.text, mapping);
}

function rowErrors(prepared: PreparedRevenue): ImportRowError[] {
  return prepared.rows
    .filter((r) => r.message !== null)
    .slice(0, MAX_LISTED_ERRORS)
    .map((r) => ({ line: r.line, index: r.index, id: null, message: r.message! }));
}

const monthDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** The stored amounts (10 places) of the rows' keys, by key. */
async function storedAmounts(client: Db, ctx: OrgContext, rows: readonly RevenueRow[]): Promise<Map<string, string>> {
  const months = [...new Set(rows.map((r) => r.month))].map(monthDate);
  const stored = await client.revenue.findMany({ where: { orgId: ctx.orgId, month: { in: months } }, select: { month: true, feature: true, customer: true, amountUsd: true } });
  return new Map(stored.map((s) => [revenueKey({ month: s.month.toISOString().slice(0, 7), feature: s.feature, customer: s.customer, amountUsd: "" }), s.amountUsd.toFixed(10)]));
}

function classify(rows: readonly RevenueRow[], stored: Map<string, string>) {
  const unchanged = rows.filter((r) => stored.get(revenueKey(r)) === r.amountUsd);
  const replaces = rows.filter((r) => stored.has(revenueKey(r)) && stored.get(revenueKey(r)) !== r.amountUsd);
  return { unchanged, replaces, changed: rows.filter((r) => stored.get(revenueKey(r)) !== r.amountUsd) };
}

/** Dry run: checks every row, counts new, replacing and unchanged rows; stores nothing. */
export async function previewRevenueImport(ctx: OrgContext, input: ImportInput): Promise<RevenueImportPreview> {
  authorizeOrThrow(ctx, "manage_revenue");
  const prepared = prepare(input);
  const valid = prepared.rows.flatMap((r) => (r.revenue ? [r.revenue] : []));
  const { unchanged, replaces } = classify(valid, await storedAmounts(db, ctx, valid));
  return {
    columns: prepared.columns,
    warnings: prepared.warnings,
    rows: prepared.rows.length,
    valid: valid.length,
    rejected: prepared.rows.length - valid.length,
    duplicates: unchanged.length,
    replaces: replaces.length,
    totalUsd: sumDecimals(valid.map((r) => r.amountUsd)),
    errors: rowErrors(prepared),
    sample: valid.slice(0, SAMPLE_SIZE),
  };
}

/**
 * Stores a revenue file, all rows or none: any row error stores nothing. The same month, feature
 * and customer replaces the stored amount, so importing a file again changes nothing.
 */
export async function commitRevenueImport(ctx: OrgContext, input: ImportInput): Promise<ImportCommit> {
  authorizeOrThrow(ctx, "manage_revenue");
  const prepared = prepare(input);
  const errors = rowErrors(prepared);
  const rejected = prepared.rows.filter((r) => r.message !== null).length;
  if (rejected > 0) return { rows: prepared.rows.length, accepted: 0, duplicates: 0, rejected, errors, warnings: prepared.warnings };
  const rows = prepared.rows.map((r) => r.revenue!);
  const accepted = await db.$transaction(async (tx) => {
    const { changed, replaces } = classify(rows, await storedAmounts(tx, ctx, rows));
    for (const row of changed) {
      const key = { orgId: ctx.orgId, month: monthDate(row.month), feature: row.feature, customer: row.customer };
      await tx.revenue.upsert({ where: { orgId_month_feature_customer: key }, create: { ...key, amountUsd: row.amountUsd }, update: { amountUsd: row.amountUsd } });
    }
    if (changed.length > 0) {
      await recordAudit(tx, ctx, { action: "revenue.imported", targetType: "revenue", after: { rows: changed.length, replaced: replaces.length, totalUsd: sumDecimals(changed.map((r) => r.amountUsd)) } });
    }
    return changed.length;
  });
  return { rows: rows.length, accepted, duplicates: rows.length - accepted, rejected: 0, errors: [], warnings: prepared.warnings };
}

/** `POST /api/v1/imports/revenue`: CSV (month, feature, customer, amount_usd) or `{ "revenue": [...] }`; all rows or none, idempotent. */
export const revenueImportKind = {
  permission: "manage_revenue",
  jsonField: "revenue",
  preview: previewRevenueImport,
  commit: commitRevenueImport,
} satisfies ImportKindDefinition;
