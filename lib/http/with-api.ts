import "server-only";
import type { NextRequest } from "next/server";
import { authorizeOrThrow, resolveOrgContext, type OrgContext } from "@/lib/auth/org-context";
import type { Permission } from "@/lib/auth/permissions";
import { getSessionUserId } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { ACTIVE_ORG_COOKIE } from "./active-org";
import { isCrossSiteWrite } from "./cross-site-request";
import { errorResponse } from "./error-response";
import { takeRateLimitToken } from "./rate-limit";
import { findUnstorableText, isUnstorableText, unstorableTextError } from "./unstorable-text";

/**
 * Reads a bearer key or the session (with `?org=` or the active-org cookie) into an OrgContext.
 * Writes on the session cookie must come from this site (`isCrossSiteWrite`).
 */
export async function resolveRequestContext(req: NextRequest): Promise<OrgContext> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new AppError("UNAUTHORIZED", "Authorization must be 'Bearer <key>'");
    return resolveOrgContext({ bearer: match[1] });
  }
  if (isCrossSiteWrite(req)) throw new AppError("FORBIDDEN", "Cross-site request refused: send it from Marginal's own pages or with an API key");
  const userId = await getSessionUserId();
  const orgSlug = req.nextUrl.searchParams.get("org") ?? req.cookies.get(ACTIVE_ORG_COOKIE)?.value ?? null;
  return resolveOrgContext({ userId, orgSlug });
}

type Handler<P> = (req: NextRequest, args: { ctx: OrgContext; params: P }) => Promise<Response>;

/** Wraps a route handler: resolves the OrgContext, rate-limits keys, checks the permission, maps errors to JSON. */
export function withApi<P = Record<string, never>>(permission: Permission, handler: Handler<P>) {
  return async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const ctx = await resolveRequestContext(req);
      if (ctx.apiKeyId) takeRateLimitToken(ctx.apiKeyId);
      authorizeOrThrow(ctx, permission);
      const params = await route.params;
      // PostgreSQL cannot store or compare text holding a NUL: refuse it before any query sees it (400 naming it).
      const unstorablePath = findUnstorableText(params) ?? [...req.nextUrl.searchParams].find(([, value]) => isUnstorableText(value))?.[0];
      if (unstorablePath) throw unstorableTextError(unstorablePath);
      return await handler(req, { ctx, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
