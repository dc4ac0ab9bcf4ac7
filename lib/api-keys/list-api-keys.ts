import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";

/** An API key as it is shown after creation: never its secret. */
export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The organization's keys, active first, newest first. */
export async function listApiKeys(ctx: OrgContext): Promise<ApiKeySummary[]> {
  authorizeOrThrow(ctx, "read");
  const keys = await db.apiKey.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return keys;
}
