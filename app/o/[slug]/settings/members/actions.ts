"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { runOrgAction } from "@/lib/http/with-action";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import type { InviteMemberInput } from "@/lib/orgs/schemas";

async function requestBaseUrl(): Promise<string> {
  if (process.env.MARGINAL_BASE_URL) return process.env.MARGINAL_BASE_URL;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  return `${h.get("x-forwarded-proto") ?? "http"}://${host}`;
}

/** Invites a person; answers the link to copy. */
export async function inviteMemberAction(orgSlug: string, input: InviteMemberInput) {
  const baseUrl = await requestBaseUrl();
  const result = await runOrgAction(orgSlug, (ctx) => createInvitation(ctx, input, { baseUrl }));
  revalidatePath(`/o/${orgSlug}/settings/members`);
  return result;
}

/** Changes a member's role. */
export async function changeMemberRoleAction(orgSlug: string, input: { userId: string; role: string }) {
  const result = await runOrgAction(orgSlug, (ctx) => changeMemberRole(ctx, input));
  revalidatePath(`/o/${orgSlug}/settings/members`);
  return result;
}

/** Removes a member (or, for oneself, leaves the organization). */
export async function removeMemberAction(orgSlug: string, userId: string) {
  const result = await runOrgAction(orgSlug, (ctx) => removeMember(ctx, userId));
  revalidatePath(`/o/${orgSlug}`, "layout");
  return result;
}

/** Withdraws an invitation. */
export async function revokeInvitationAction(orgSlug: string, id: string) {
  const result = await runOrgAction(orgSlug, (ctx) => revokeInvitation(ctx, id));
  revalidatePath(`/o/${orgSlug}/settings/members`);
  return result;
}
