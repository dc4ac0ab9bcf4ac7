import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, foundOrThrow } from "@/lib/errors/app-error";
import { assertAnotherOwnerRemains } from "./owner-guard";

/**
 * Removes a member, or lets a person leave when they remove themselves (any role may leave).
 * Only an OWNER removes another OWNER, and the last OWNER cannot go.
 */
export async function removeMember(ctx: OrgContext, userId: string): Promise<void> {
  if (!ctx.userId) throw new AppError("UNAUTHORIZED", "Members are managed by people, not API keys");
  const leaving = userId === ctx.userId;
  if (!leaving) authorizeOrThrow(ctx, "manage_members");
  await db.$transaction(async (tx) => {
    const where = { orgId_userId: { orgId: ctx.orgId, userId } };
    const member = foundOrThrow(await tx.membership.findUnique({ where, include: { user: true } }), "Member");
    if (member.role === "OWNER") {
      if (!leaving && ctx.role !== "OWNER") throw new AppError("FORBIDDEN", "Only an owner can remove an owner");
      await assertAnotherOwnerRemains(tx, ctx.orgId, userId);
    }
    await tx.membership.delete({ where });
    await recordAudit(tx, ctx, {
      action: leaving ? "member.left" : "member.removed",
      targetType: "member",
      targetId: userId,
      before: { email: member.user.email, role: member.role },
    });
  });
}
