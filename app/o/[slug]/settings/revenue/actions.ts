"use server";

import { revalidatePath } from "next/cache";
import { runOrgAction } from "@/lib/http/with-action";
import { decodeCsvBytes } from "@/lib/imports/read-import-body";
import { deleteRevenue } from "@/lib/revenue/delete-revenue";
import { enterRevenue } from "@/lib/revenue/enter-revenue";
import { commitRevenueImport, previewRevenueImport } from "@/lib/revenue/import-revenue";
import type { RevenueColumnMapping } from "@/lib/revenue/revenue-from-csv";
import type { RevenueInput, RevenueKeyInput } from "@/lib/revenue/schemas";

const paths = (orgSlug: string) => [`/o/${orgSlug}/settings/revenue`, `/o/${orgSlug}/margins`];

async function readFile(file: Blob): Promise<string> {
  return decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
}

/** Records (or replaces) one month of revenue for a feature from the form. */
export async function enterRevenueAction(orgSlug: string, input: RevenueInput) {
  const result = await runOrgAction(orgSlug, (ctx) => enterRevenue(ctx, input));
  if (result.ok) paths(orgSlug).forEach((p) => revalidatePath(p));
  return result;
}

/** Deletes one revenue row. */
export async function deleteRevenueAction(orgSlug: string, key: RevenueKeyInput) {
  const result = await runOrgAction(orgSlug, (ctx) => deleteRevenue(ctx, key));
  if (result.ok) paths(orgSlug).forEach((p) => revalidatePath(p));
  return result;
}

/** Checks a revenue CSV with the column mapping; stores nothing. */
export async function previewRevenueImportAction(orgSlug: string, file: Blob, mapping: RevenueColumnMapping) {
  return runOrgAction(orgSlug, async (ctx) => previewRevenueImport(ctx, { format: "csv", text: await readFile(file), mapping }));
}

/** Imports a revenue CSV, all rows or none; the same month, feature and customer replaces the amount. */
export async function commitRevenueImportAction(orgSlug: string, file: Blob, mapping: RevenueColumnMapping) {
  const result = await runOrgAction(orgSlug, async (ctx) => commitRevenueImport(ctx, { format: "csv", text: await readFile(file), mapping }));
  if (result.ok) paths(orgSlug).forEach((p) => revalidatePath(p));
  return result;
}
