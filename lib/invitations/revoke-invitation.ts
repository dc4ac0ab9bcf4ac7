import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { foundOrThrow } from "@/lib/errors/app-error";

/** Withdraws a pending invitation so its link stops working. */
export async function revokeInvitation(ctx: OrgContext, id: string): Promise<void> {
  authorizeOrThrow(ctx, "manage_members");
  await db.$transaction(async (tx) => {
    const where = { orgId_id: { orgId: ctx.orgId, id } };
    const invitation = foundOrThrow(await tx.invitation.findUnique({ where }), "Invitation");
    if (invitation.revokedAt || invitation.acceptedAt) return;
    await tx.invitation.update({ where, data: { revokedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "invitation.revoked", targetType: "invitation", targetId: id, before: { email: invitation.email, role: invitation.role } });
  });
}
