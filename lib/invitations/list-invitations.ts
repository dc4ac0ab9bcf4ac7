import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";

/** Invitations not yet accepted, withdrawn or expired. */
export async function listPendingInvitations(ctx: OrgContext) {
  authorizeOrThrow(ctx, "manage_members");
  return db.invitation.findMany({
    where: { orgId: ctx.orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
}
