"use server";

import { revalidatePath } from "next/cache";
import { createBudget } from "@/lib/budgets/create-budget";
import { deleteBudget } from "@/lib/budgets/delete-budget";
import type { CreateBudgetInput } from "@/lib/budgets/schemas";
import { updateBudget } from "@/lib/budgets/update-budget";
import { runOrgAction } from "@/lib/http/with-action";

/** Creates a budget from the form; it comes back evaluated, with its level. */
export async function createBudgetAction(orgSlug: string, input: CreateBudgetInput) {
  const result = await runOrgAction(orgSlug, (ctx) => createBudget(ctx, input));
  revalidatePath(`/o/${orgSlug}/budgets`);
  return result;
}

/** Saves the form's settings over a budget's; it is evaluated again. */
export async function updateBudgetAction(orgSlug: string, budgetId: string, input: CreateBudgetInput) {
  const result = await runOrgAction(orgSlug, (ctx) => updateBudget(ctx, budgetId, input));
  revalidatePath(`/o/${orgSlug}/budgets`);
  return result;
}

/** Deletes a budget; its alerts stay in the feed. */
export async function deleteBudgetAction(orgSlug: string, budgetId: string) {
  const result = await runOrgAction(orgSlug, async (ctx) => {
    await deleteBudget(ctx, budgetId);
    return { id: budgetId };
  });
  revalidatePath(`/o/${orgSlug}/budgets`);
  return result;
}
