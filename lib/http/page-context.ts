import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { resolveOrgContext, type OrgContext } from "@/lib/auth/org-context";
import { getSessionUserId } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";

/**
 * The OrgContext for a page under /o/[slug]: sign-in when there is no session, 404 for people who
 * are not members. Cached per request, so a layout and its page resolve it once.
 */
export const getPageContext = cache(async (slug: string): Promise<OrgContext> => {
  const userId = await getSessionUserId();
  if (!userId) redirect(`/signin?callbackUrl=${encodeURIComponent(`/o/${slug}`)}`);
  try {
    return await resolveOrgContext({ userId, orgSlug: slug });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
