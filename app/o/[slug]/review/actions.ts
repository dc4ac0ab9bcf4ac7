"use server";

import { revalidatePath } from "next/cache";
import { createActionItem } from "@/lib/action-items/create-action-item";
import type { CreateActionItemInput, UpdateActionItemInput } from "@/lib/action-items/schemas";
import { updateActionItem } from "@/lib/action-items/update-action-item";
import { runOrgAction } from "@/lib/http/with-action";

/** Raises an action item in the week under review. */
export async function createActionItemAction(orgSlug: string, input: CreateActionItemInput) {
  const result = await runOrgAction(orgSlug, (ctx) => createActionItem(ctx, input));
  revalidatePath(`/o/${orgSlug}/review`);
  return result;
}

/** Saves a row's inline edit (status, owner, due date). */
export async function updateActionItemAction(orgSlug: string, id: string, input: UpdateActionItemInput) {
  const result = await runOrgAction(orgSlug, (ctx) => updateActionItem(ctx, id, input));
  revalidatePath(`/o/${orgSlug}/review`);
  return result;
}
