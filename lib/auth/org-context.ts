import { db } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { hashApiKey, looksLikeApiKey } from "@/lib/api-keys/key-material";
import { roleAllows, scopesAllow, type ApiKeyScope, type Permission } from "./permissions";

/** Who is asking, in which organization: every data function takes this first. */
export type OrgContext = {
  orgId: string;
  orgSlug: string;
  orgName: string;
  timeZone: string;
  /** The member's role; null when the request came with an API key. */
  role: Role | null;
  userId: string | null;
  apiKeyId: string | null;
  /** The key's scopes; empty for people, whose role decides. */
  scopes: ApiKeyScope[];
  /** Who did it, as the audit log shows it. */
  actorLabel: string;
};

/** What a request carries: a bearer key, or a signed-in user and the organization they chose. */
export type RequestCredentials = { bearer?: string | null; userId?: string | null; orgSlug?: string | null };

// Writing last-used on every request would put a write on the ingest hot path; once a minute is
// precise enough for "last used".
const LAST_USED_RESOLUTION_MS = 60_000;

/** The one place a request becomes an OrgContext, after checking the key or the membership. */
export async function resolveOrgContext(credentials: RequestCredentials): Promise<OrgContext> {
  if (credentials.bearer) return resolveKeyContext(credentials.bearer);
  if (credentials.userId) return resolveMemberContext(credentials.userId, credentials.orgSlug ?? null);
  throw new AppError("UNAUTHORIZED", "Sign in, or send an API key as 'Authorization: Bearer <key>'");
}

async function resolveKeyContext(rawKey: string): Promise<OrgContext> {
  const invalid = new AppError("UNAUTHORIZED", "Unknown or revoked API key");
  if (!looksLikeApiKey(rawKey)) throw invalid;
  const key = await db.apiKey.findUnique({ where: { keyHash: hashApiKey(rawKey) }, include: { org: true } });
  if (!key || key.revokedAt) throw invalid;
  const now = new Date();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { orgId_id: { orgId: key.orgId, id: key.id } }, data: { lastUsedAt: now } });
  }
  return {
    orgId: key.orgId,
    orgSlug: key.org.slug,
    orgName: key.org.name,
    timeZone: key.org.timeZone,
    role: null,
    userId: null,
    apiKeyId: key.id,
    scopes: key.scopes.filter((s): s is ApiKeyScope => s === "ingest" || s === "read" || s === "manage"),
    actorLabel: `API key ${key.prefix}…`,
  };
}

async function resolveMemberContext(userId: string, orgSlug: string | null): Promise<OrgContext> {
  const membership = await db.membership.findFirst({
    where: orgSlug ? { userId, org: { slug: orgSlug } } : { userId },
    include: { org: true, user: true },
    orderBy: { createdAt: "asc" },
  });
  if (!membership) throw new AppError("NOT_FOUND", orgSlug ? "Organization not found" : "You are not a member of any organization");
  return {
    orgId: membership.orgId,
    orgSlug: membership.org.slug,
    orgName: membership.org.name,
    timeZone: membership.org.timeZone,
    role: membership.role,
    userId,
    apiKeyId: null,
    scopes: [],
    actorLabel: membership.user.email,
  };
}

/** Throws unless the context may do this: 401 for a key without the scope, 403 for a role. */
export function authorizeOrThrow(ctx: OrgContext, permission: Permission): void {
  if (ctx.apiKeyId) {
    if (!scopesAllow(ctx.scopes, permission)) {
      throw new AppError("UNAUTHORIZED", `This API key's scopes (${ctx.scopes.join(", ") || "none"}) do not allow this request`);
    }
    return;
  }
  if (!ctx.role || !roleAllows(ctx.role, permission)) {
    throw new AppError("FORBIDDEN", `Your role (${ctx.role ?? "none"}) does not allow this (${permission.replaceAll("_", " ")})`);
  }
}

/** Whether the context may do this, for deciding what a page shows. */
export function can(ctx: OrgContext, permission: Permission): boolean {
  try {
    authorizeOrThrow(ctx, permission);
    return true;
  } catch {
    return false;
  }
}
