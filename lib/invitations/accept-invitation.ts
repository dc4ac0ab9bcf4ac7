import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { hashInvitationToken } from "./invitation-token";

/** Finds a usable invitation by its token, or explains why it cannot be used. */
export async function getInvitationByToken(token: string, tx: Prisma.TransactionClient = db) {
  const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, include: { org: true } });
  if (!invitation || invitation.revokedAt) throw new AppError("NOT_FOUND", "This invitation does not exist or was withdrawn");
  if (invitation.acceptedAt) throw new AppError("CONFLICT", "This invitation has already been used");
  if (invitation.expiresAt < new Date()) throw new AppError("CONFLICT", "This invitation has expired; ask for a new one");
  return invitation;
}

/** Turns an invitation into a membership for this user, inside the caller's transaction. */
export async function acceptInvitationInTx(tx: Prisma.TransactionClient, options: { token: string; userId: string; email: string }) {
  const invitation = await getInvitationByToken(options.token, tx);
  if (invitation.email !== options.email.toLowerCase()) {
    throw new AppError("FORBIDDEN", `This invitation is for ${invitation.email}; sign in with that address to accept it`);
  }
  await tx.membership.upsert({
    where: { orgId_userId: { orgId: invitation.orgId, userId: options.userId } },
    create: { orgId: invitation.orgId, userId: options.userId, role: invitation.role },
    update: {},
  });
  await tx.invitation.update({ where: { orgId_id: { orgId: invitation.orgId, id: invitation.id } }, data: { acceptedAt: new Date() } });
  await tx.auditLog.create({
    data: {
      orgId: invitation.orgId,
      actorUserId: options.userId,
      actorLabel: options.email,
      action: "invitation.accepted",
      targetType: "member",
      targetId: options.userId,
      after: { email: options.email, role: invitation.role },
    },
  });
  return invitation.org;
}

/** A signed-in person accepts an invitation addressed to their email. */
export async function acceptInvitation(options: { token: string; userId: string }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: options.userId } });
  return db.$transaction((tx) => acceptInvitationInTx(tx, { token: options.token, userId: user.id, email: user.email }));
}
