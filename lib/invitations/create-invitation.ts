import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { assignableRoles } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { sendEmail } from "@/lib/email/send-email";
import { inviteMemberSchema, type InviteMemberInput } from "@/lib/orgs/schemas";
import { generateInvitationToken, hashInvitationToken, INVITATION_TTL_MS } from "./invitation-token";

/**
 * Invites a person by email with a role. Returns the link for the inviter to copy; the link is
 * also emailed when SMTP is configured.
 */
export async function createInvitation(ctx: OrgContext, input: InviteMemberInput, options: { baseUrl: string }) {
  authorizeOrThrow(ctx, "manage_members");
  const { email, role } = parseOrThrow(inviteMemberSchema, input);
  if (!assignableRoles(ctx.role!).includes(role)) throw new AppError("FORBIDDEN", "Only an owner can invite an owner");
  const alreadyMember = await db.membership.findFirst({ where: { orgId: ctx.orgId, user: { email } }, select: { userId: true } });
  if (alreadyMember) {
    throw new AppError("CONFLICT", `${email} is already a member`, { issues: [{ path: "email", message: "Already a member" }] });
  }
  const token = generateInvitationToken();
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        orgId: ctx.orgId,
        email,
        role,
        tokenHash: hashInvitationToken(token),
        invitedById: ctx.userId!,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
    });
    await recordAudit(tx, ctx, { action: "invitation.created", targetType: "invitation", targetId: created.id, after: { email, role } });
    return created;
  });
  const link = `${options.baseUrl.replace(/\/$/, "")}/invite/${token}`;
  const emailed = await sendEmail({
    to: email,
    subject: `You are invited to ${ctx.orgName} on Marginal`,
    text: `${ctx.actorLabel} invited you to join ${ctx.orgName} on Marginal as ${role}.\n\nAccept: ${link}\n\nThe link expires on ${invitation.expiresAt.toUTCString()}.`,
  }).catch((error: unknown) => {
    console.error("invitation email failed", error);
    return false;
  });
  return { id: invitation.id, email, role, link, emailed, expiresAt: invitation.expiresAt };
}
