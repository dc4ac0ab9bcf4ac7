"use server";

import { runUserAction } from "@/lib/http/with-action";
import { createAdditionalOrganization } from "@/lib/orgs/create-additional-organization";

/** Creates an organization owned by the signed-in person. */
export async function createOrganizationAction(input: { name: string }) {
  return runUserAction(async (userId) => {
    const org = await createAdditionalOrganization(userId, input);
    return { slug: org.slug };
  });
}
