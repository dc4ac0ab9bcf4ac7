import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";

/** A URL-safe slug from a name: lower-case letters, digits and single dashes. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return slug || "org";
}

/** Creates an organization with this user as OWNER, inside the caller's transaction. */
export async function createOrganizationWithOwner(
  tx: Prisma.TransactionClient,
  options: { name: string; ownerId: string; slug?: string },
) {
  const base = options.slug ?? slugify(options.name);
  const taken = await tx.organization.findUnique({ where: { slug: base }, select: { id: true } });
  const slug = taken ? `${base}-${randomBytes(3).toString("hex")}` : base;
  return tx.organization.create({
    data: { name: options.name, slug, memberships: { create: { userId: options.ownerId, role: "OWNER" } } },
  });
}
