import { db } from "@/lib/db";

/** The organizations a person belongs to, with their role, for the switcher. */
export async function listMyOrganizations(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { org: { select: { id: true, name: true, slug: true } } },
    orderBy: { org: { name: "asc" } },
  });
  return memberships.map((m) => ({ id: m.org.id, name: m.org.name, slug: m.org.slug, role: m.role }));
}
