import { db } from "@/lib/db";
import { API_KEY_SCOPES } from "@/lib/auth/permissions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { hashApiKey, looksLikeApiKey, visiblePrefix } from "@/lib/api-keys/key-material";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { createOrganizationWithOwner } from "@/lib/orgs/create-organization";
import { systemContext } from "./system-context";

/** What start-up should make sure of. */
export type EnsureOrganizationOptions = {
  orgName: string;
  /** Used only when the organization is created. */
  slug?: string;
  email: string;
  password: string;
  apiKey?: string;
};

/** What was done, for the start-up log. */
export type EnsureOrganizationResult = { orgId: string; orgSlug: string; created: string[]; warnings: string[] };

/**
 * Makes sure the organization exists with this person as OWNER and, when given, this exact API
 * key with every scope. Idempotent; an existing person's password is never changed.
 */
export async function ensureOrganization(options: EnsureOrganizationOptions): Promise<EnsureOrganizationResult> {
  const email = options.email.trim().toLowerCase();
  if (options.apiKey !== undefined && !looksLikeApiKey(options.apiKey)) {
    throw new AppError("INVALID_INPUT", "MARGINAL_INIT_API_KEY must start with 'mk_' and have 19 to 200 characters");
  }
  const created: string[] = [];
  const warnings: string[] = [];

  let user = await db.user.findUnique({ where: { email } });
  if (!user) {
    user = await db.user.create({ data: { email, passwordHash: await hashPassword(options.password) } });
    created.push(`user ${email}`);
  } else if (!user.passwordHash || !(await verifyPassword(options.password, user.passwordHash))) {
    warnings.push(`user ${email} exists with a different password; it was left unchanged`);
  }
  const userId = user.id;

  const result = await db.$transaction(async (tx) => {
    const existing =
      (await tx.organization.findFirst({ where: { name: options.orgName, memberships: { some: { userId } } }, orderBy: { createdAt: "asc" } })) ??
      (await tx.organization.findFirst({ where: { name: options.orgName }, orderBy: { createdAt: "asc" } }));
    const org = existing ?? (await createOrganizationWithOwner(tx, { name: options.orgName, ownerId: userId, slug: options.slug }));
    if (!existing) created.push(`organization ${org.name} (/${org.slug})`);
    const system = systemContext(org);

    const membership = await tx.membership.findUnique({ where: { orgId_userId: { orgId: org.id, userId } } });
    if (!membership) {
      await tx.membership.create({ data: { orgId: org.id, userId, role: "OWNER" } });
      created.push(`${email} as OWNER`);
      await recordAudit(tx, system, { action: "member.added", targetType: "member", targetId: userId, after: { email, role: "OWNER" } });
    } else if (membership.role !== "OWNER") {
      await tx.membership.update({ where: { orgId_userId: { orgId: org.id, userId } }, data: { role: "OWNER" } });
      await recordAudit(tx, system, {
        action: "member.role_changed",
        targetType: "member",
        targetId: userId,
        before: { email, role: membership.role },
        after: { email, role: "OWNER" },
      });
    }

    if (options.apiKey) {
      const keyHash = hashApiKey(options.apiKey);
      const key = await tx.apiKey.findUnique({ where: { keyHash } });
      if (key && key.orgId !== org.id) throw new AppError("CONFLICT", "MARGINAL_INIT_API_KEY already belongs to another organization");
      if (key?.revokedAt) warnings.push(`the initial API key ${key.prefix}… was revoked; it stays revoked`);
      if (!key) {
        const prefix = visiblePrefix(options.apiKey);
        const newKey = await tx.apiKey.create({
          data: { orgId: org.id, name: "Initial key (MARGINAL_INIT_API_KEY)", prefix, keyHash, scopes: [...API_KEY_SCOPES] },
        });
        created.push(`API key ${prefix}…`);
        await recordAudit(tx, system, { action: "api_key.created", targetType: "api_key", targetId: newKey.id, after: { name: newKey.name, scopes: newKey.scopes, prefix } });
      }
    }
    return { orgId: org.id, orgSlug: org.slug };
  });
  return { ...result, created, warnings };
}
