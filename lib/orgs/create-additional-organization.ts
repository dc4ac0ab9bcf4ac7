import { db } from "@/lib/db";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { createOrganizationWithOwner } from "./create-organization";
import { createOrganizationSchema } from "./schemas";

/** A signed-in person creates another organization, which they own. */
export async function createAdditionalOrganization(userId: string, input: { name: string }) {
  const { name } = parseOrThrow(createOrganizationSchema, input);
  return db.$transaction((tx) => createOrganizationWithOwner(tx, { name, ownerId: userId }));
}
