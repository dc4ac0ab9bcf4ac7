"use server";

import { revalidatePath } from "next/cache";
import { runOrgAction } from "@/lib/http/with-action";
import { removeMember } from "@/lib/members/remove-member";
import { deleteOrganization } from "@/lib/orgs/delete-organization";
import type { UpdateOrganizationInput } from "@/lib/orgs/schemas";
import { updateOrganization } from "@/lib/orgs/update-organization";

/** Renames the organization or changes its time zone. */
export async function updateOrganizationAction(orgSlug: string, input: UpdateOrganizationInput) {
  const result = await runOrgAction(orgSlug, (ctx) => updateOrganization(ctx, input));
  revalidatePath(`/o/${orgSlug}`, "layout");
  return result;
}

/** The signed-in person leaves the organization. */
export async function leaveOrganizationAction(orgSlug: string) {
  return runOrgAction(orgSlug, (ctx) => removeMember(ctx, ctx.userId!));
}

/** Deletes the organization and its data. */
export async function deleteOrganizationAction(orgSlug: string, confirmName: string) {
  return runOrgAction(orgSlug, (ctx) => deleteOrganization(ctx, confirmName));
}
