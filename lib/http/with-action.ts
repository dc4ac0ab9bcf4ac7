import "server-only";
import { resolveOrgContext, type OrgContext } from "@/lib/auth/org-context";
import { getSessionUserId } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { toActionError, type ActionResult } from "./action-result";

/**
 * Runs a server action for the signed-in member of the organization `orgSlug`. The domain
 * function checks the permission itself, so the same rule holds for the API and the web app.
 */
export async function runOrgAction<T>(orgSlug: string, action: (ctx: OrgContext) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const userId = await getSessionUserId();
    if (!userId) throw new AppError("UNAUTHORIZED", "Your session has ended; sign in again");
    const ctx = await resolveOrgContext({ userId, orgSlug });
    return { ok: true, data: await action(ctx) };
  } catch (error) {
    return toActionError(error);
  }
}

/** Runs a server action that needs a signed-in person but no organization (e.g. creating one). */
export async function runUserAction<T>(action: (userId: string) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const userId = await getSessionUserId();
    if (!userId) throw new AppError("UNAUTHORIZED", "Your session has ended; sign in again");
    return { ok: true, data: await action(userId) };
  } catch (error) {
    return toActionError(error);
  }
}

/** Runs a server action open to anyone (sign-up), with the same error mapping. */
export async function runPublicAction<T>(action: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await action() };
  } catch (error) {
    return toActionError(error);
  }
}
