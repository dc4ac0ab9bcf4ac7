"use server";

import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { runUserAction } from "@/lib/http/with-action";

/** The signed-in person accepts an invitation addressed to them. */
export async function acceptInvitationAction(token: string) {
  return runUserAction(async (userId) => {
    const org = await acceptInvitation({ token, userId });
    return { slug: org.slug };
  });
}
