import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { resolveOrgContext, type OrgContext } from "@/lib/auth/org-context";
import { createOrganizationWithOwner } from "@/lib/orgs/create-organization";

/** A random email, so tests never collide. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}@example.test`;
}

/** A new organization with its owner, answered as the owner's OrgContext. */
export async function createOrgWithOwner(name = `Org ${randomBytes(3).toString("hex")}`): Promise<OrgContext> {
  const owner = await db.user.create({ data: { email: uniqueEmail("owner") } });
  const org = await db.$transaction((tx) => createOrganizationWithOwner(tx, { name, ownerId: owner.id }));
  return resolveOrgContext({ userId: owner.id, orgSlug: org.slug });
}

/** Adds a member with this role to the organization and answers their OrgContext. */
export async function addMember(owner: OrgContext, role: Role): Promise<OrgContext> {
  const user = await db.user.create({ data: { email: uniqueEmail(role.toLowerCase()) } });
  await db.membership.create({ data: { orgId: owner.orgId, userId: user.id, role } });
  return resolveOrgContext({ userId: user.id, orgSlug: owner.orgSlug });
}
