import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { assignableRoles } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, foundOrThrow } from "@/lib/errors/app-error";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { changeMemberRoleSchema } from "@/lib/orgs/schemas";
import { assertAnotherOwnerRemains } from "./owner-guard";

/** Changes a member's role; only an OWNER grants or takes away OWNER, and one OWNER always remains. */
export async function changeMemberRole(ctx: OrgContext, input: { userId: string; role: string }): Promise<void> {
  authorizeOrThrow(ctx, "manage_members");
  const { userId, role } = parseOrThrow(changeMemberRoleSchema, input);
  await db.$transaction(async (tx) => {
    const where = { orgId_userId: { orgId: ctx.orgId, userId } };
    const member = foundOrThrow(await tx.membership.findUnique({ where, include: { user: true } }), "Member");
    if (member.role === role) return;
    const allowed = assignableRoles(ctx.role!);
    if (!allowed.includes(role) || !allowed.includes(member.role)) {
      throw new AppError("FORBIDDEN", "Only an owner can make or unmake owners");
    }
    if (member.role === "OWNER") await assertAnotherOwnerRemains(tx, ctx.orgId, userId);
    await tx.membership.update({ where, data: { role } });
    await recordAudit(tx, ctx, {
      action: "member.role_changed",
      targetType: "member",
      targetId: userId,
      before: { email: member.user.email, role: member.role },
      after: { email: member.user.email, role },
    });
  });
}
