"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors/app-error";
import { runOrgAction } from "@/lib/http/with-action";
import { commitEventsImport, previewEventsImport } from "@/lib/imports/import-events";
import { decodeCsvBytes } from "@/lib/imports/read-import-body";
import type { ColumnMapping } from "@/lib/imports/schemas";

// The file arrives as a Blob: React sends it as a binary form part, without the escaping a string
// would need and without the array-size limit a Uint8Array argument runs into.
async function readFile(file: Blob): Promise<string> {
  if (!(file instanceof Blob)) throw new AppError("INVALID_INPUT", "Choose a CSV file");
  return decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
}

/** The dry run behind the import page: checks every row of the file and stores nothing. */
export async function previewEventsImportAction(orgSlug: string, file: Blob, mapping: ColumnMapping) {
  return runOrgAction(orgSlug, async (ctx) => previewEventsImport(ctx, await readFile(file), mapping));
}

/** Imports the file's valid rows, with the column mapping the preview showed. */
export async function commitEventsImportAction(orgSlug: string, file: Blob, mapping: ColumnMapping) {
  const result = await runOrgAction(orgSlug, async (ctx) => commitEventsImport(ctx, await readFile(file), mapping));
  revalidatePath(`/o/${orgSlug}`, "layout");
  return result;
}
