import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { hashPassword } from "@/lib/auth/password";
import { acceptInvitationInTx } from "@/lib/invitations/accept-invitation";
import { createOrganizationWithOwner } from "./create-organization";
import { signUpSchema, type SignUpInput } from "./schemas";

/**
 * Creates a person and either a new organization they own or, with an invitation, their
 * membership in the inviting organization. Returns the organization to land in.
 */
export async function signUp(input: SignUpInput): Promise<{ userId: string; orgSlug: string }> {
  const { email, password, name, organizationName, inviteToken } = parseOrThrow(signUpSchema, input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) {
      throw new AppError("CONFLICT", "An account with this email already exists; sign in instead", {
        issues: [{ path: "email", message: "An account with this email already exists" }],
      });
    }
    const user = await tx.user.create({ data: { email, name: name || null, passwordHash } });
    if (inviteToken) {
      const org = await acceptInvitationInTx(tx, { token: inviteToken, userId: user.id, email });
      return { userId: user.id, orgSlug: org.slug };
    }
    const org = await createOrganizationWithOwner(tx, { name: organizationName!, ownerId: user.id });
    return { userId: user.id, orgSlug: org.slug };
  });
}
