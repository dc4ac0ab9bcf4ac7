"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors/app-error";
import { runOrgAction } from "@/lib/http/with-action";
import { decodeCsvBytes } from "@/lib/imports/read-import-body";
import type { ImportColumn, ImportRowError } from "@/lib/imports/types";
import type { ExpenseRow } from "@/lib/shadow-ai/expenses-from-csv";
import { expensesImportKind, subscriptionsImportKind, undoShadowAiImport, vendorBillsImportKind } from "@/lib/shadow-ai/import-files";
import type { SubscriptionRow } from "@/lib/shadow-ai/subscriptions-from-csv";
import type { BilledCostRow } from "@/lib/vendor-bills/types";

/** The kinds this page imports (the API serves the same definitions). */
export type ShadowAiImportKindName = "expenses" | "subscriptions" | "vendor-bills";

/** A sample row as the preview lists it, whatever the kind. */
export type ShadowAiSampleRow = { line: number | null; date: string; who: string | null; label: string; amountUsd: string; match: string | null };

/** The dry run, the same shape for every kind. */
export type ShadowAiImportPreview = {
  columns: ImportColumn[];
  warnings: string[];
  rows: number;
  valid: number;
  rejected: number;
  duplicates: number;
  errors: ImportRowError[];
  sample: ShadowAiSampleRow[];
  /** Vendor bills: the vendor read from the file and the bill's total. */
  vendor: string | null;
  totalUsd: string | null;
};

export type ShadowAiImportResult = { rows: number; accepted: number; duplicates: number; rejected: number; errors: ImportRowError[]; importId: string | null };

const MAX_FILE_NAME = 255;

async function readFile(file: Blob): Promise<string> {
  if (!(file instanceof Blob)) throw new AppError("INVALID_INPUT", "Choose a file");
  return decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
}

function kindOf(kind: string): ShadowAiImportKindName {
  if (kind === "expenses" || kind === "subscriptions" || kind === "vendor-bills") return kind;
  throw new AppError("INVALID_INPUT", `There is no '${kind}' import`);
}

// The kinds' previews answer `sample: unknown[]` (the API's JSON); here we know which rows each kind puts there.
type ExpenseSample = Omit<ExpenseRow, "rowHash"> & { line: number };

function expenseSample(rows: unknown[]): ShadowAiSampleRow[] {
  return (rows as ExpenseSample[]).map((r) => ({
    line: r.line,
    date: r.date,
    who: r.email ?? r.employee,
    label: r.description ? `${r.merchant} · ${r.description}` : r.merchant,
    amountUsd: r.amountUsd,
    match: r.match ? `${r.match.vendor} ${r.match.product}`.trim() : null,
  }));
}

type SubscriptionSample = Omit<SubscriptionRow, "rowHash"> & { line: number };

function subscriptionSample(rows: unknown[]): ShadowAiSampleRow[] {
  return (rows as SubscriptionSample[]).map((r) => ({
    line: r.line,
    date: r.startDate ?? r.renewalDate ?? "",
    who: r.email ?? r.owner,
    label: [r.vendorName, r.plan, r.seats !== null ? `${r.seats} seats` : null, r.billingCycle].filter(Boolean).join(" · "),
    amountUsd: r.amountUsd,
    match: r.match ? `${r.match.vendor} ${r.match.product}`.trim() : null,
  }));
}

function billSample(rows: unknown[]): ShadowAiSampleRow[] {
  return (rows as BilledCostRow[]).map((r) => ({
    line: null,
    date: r.date,
    who: r.apiKeyId ?? r.project,
    label: [r.lineItem, r.model].filter(Boolean).join(" · ") || r.rowRef,
    amountUsd: r.amountUsd,
    match: r.vendor,
  }));
}

/** The dry run behind the imports page: checks every row of the file and stores nothing. */
export async function previewShadowAiImportAction(orgSlug: string, kind: string, file: Blob, mapping: Record<string, string | null>) {
  return runOrgAction(orgSlug, async (ctx): Promise<ShadowAiImportPreview> => {
    const name = kindOf(kind);
    const text = await readFile(file);
    if (name === "expenses") {
      const p = await expensesImportKind.preview(ctx, { format: "csv", text, mapping });
      return { ...p, sample: expenseSample(p.sample), vendor: null, totalUsd: null };
    }
    if (name === "subscriptions") {
      const p = await subscriptionsImportKind.preview(ctx, { format: "csv", text, mapping });
      return { ...p, sample: subscriptionSample(p.sample), vendor: null, totalUsd: null };
    }
    const p = await vendorBillsImportKind.preview(ctx, { format: "csv", text });
    return { ...p, sample: billSample(p.sample) };
  });
}

/** Imports the file (all rows or none), keeping its name in the history; the audit re-runs. */
export async function commitShadowAiImportAction(orgSlug: string, kind: string, file: Blob, mapping: Record<string, string | null>, fileName: string) {
  const result = await runOrgAction(orgSlug, async (ctx): Promise<ShadowAiImportResult> => {
    const name = kindOf(kind);
    const text = await readFile(file);
    const options = { fileName: fileName.slice(0, MAX_FILE_NAME) || null };
    const commit =
      name === "expenses"
        ? await expensesImportKind.commit(ctx, { format: "csv", text, mapping }, options)
        : name === "subscriptions"
          ? await subscriptionsImportKind.commit(ctx, { format: "csv", text, mapping }, options)
          : await vendorBillsImportKind.commit(ctx, { format: "csv", text }, options);
    return { rows: commit.rows, accepted: commit.accepted, duplicates: commit.duplicates, rejected: commit.rejected, errors: commit.errors, importId: commit.importId };
  });
  revalidatePath(`/o/${orgSlug}`, "layout");
  return result;
}

/** Undoes an import: its rows are deleted, the batch stays in the history as undone; the audit re-runs. */
export async function undoShadowAiImportAction(orgSlug: string, importId: string) {
  const result = await runOrgAction(orgSlug, (ctx) => undoShadowAiImport(ctx, importId));
  revalidatePath(`/o/${orgSlug}`, "layout");
  return result;
}
