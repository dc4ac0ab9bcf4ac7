"use server";

import { revalidatePath } from "next/cache";
import { runOrgAction } from "@/lib/http/with-action";
import { updateFinding } from "@/lib/shadow-ai/findings";
import { sanctionTool, unsanctionTool } from "@/lib/shadow-ai/sanctioned-tools";
import type { SanctionToolInput, UpdateFindingInput } from "@/lib/shadow-ai/schemas";

function refresh(orgSlug: string) {
  // The findings, the headline and the sanctioned list all change together.
  revalidatePath(`/o/${orgSlug}/shadow-ai`, "layout");
}

/** Saves a finding's status, owner and note (the audit never overwrites them). */
export async function updateFindingAction(orgSlug: string, findingId: string, input: UpdateFindingInput) {
  const result = await runOrgAction(orgSlug, (ctx) => updateFinding(ctx, findingId, input));
  refresh(orgSlug);
  return result;
}

/** Adds a catalog tool to the sanctioned list (or updates its note and licenses); the audit re-runs. */
export async function sanctionToolAction(orgSlug: string, input: SanctionToolInput) {
  const result = await runOrgAction(orgSlug, (ctx) => sanctionTool(ctx, input));
  refresh(orgSlug);
  return result;
}

/** Removes a tool from the sanctioned list; the audit re-runs and its spend counts as outside again. */
export async function unsanctionToolAction(orgSlug: string, vendorId: string) {
  const result = await runOrgAction(orgSlug, async (ctx) => {
    await unsanctionTool(ctx, vendorId);
    return { vendor_id: vendorId };
  });
  refresh(orgSlug);
  return result;
}
