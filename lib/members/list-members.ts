import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";

/** The organization's members with their roles, owners first. */
export async function listMembers(ctx: OrgContext) {
  authorizeOrThrow(ctx, "read");
  const members = await db.membership.findMany({
    where: { orgId: ctx.orgId },
    include: { user: { select: { email: true, name: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  return members.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt }));
}
