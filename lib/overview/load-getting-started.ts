import "server-only";
import { can, type OrgContext } from "@/lib/auth/org-context";
import { db } from "@/lib/db";

/** One step of getting started; `href` only when this member may do it. */
export type GettingStartedStep = { title: string; done: boolean; href: string | null };

/** The getting-started steps the overview shows until the organization's first event arrives. */
export async function loadGettingStarted(ctx: OrgContext): Promise<GettingStartedStep[]> {
  const [members, activeKeys] = await Promise.all([
    db.membership.count({ where: { orgId: ctx.orgId } }),
    db.apiKey.count({ where: { orgId: ctx.orgId, revokedAt: null } }),
  ]);
  const base = `/o/${ctx.orgSlug}`;
  return [
    { title: "Create an API key with the ingest scope", done: activeKeys > 0, href: can(ctx, "manage_api_keys") ? `${base}/settings/api-keys` : null },
    // Only called while there are no events, so this step is never done here.
    { title: "Send one event per AI call, tagged with feature, team, customer and workflow", done: false, href: null },
    { title: "Invite finance and engineering colleagues", done: members > 1, href: can(ctx, "manage_members") ? `${base}/settings/members` : null },
  ];
}
