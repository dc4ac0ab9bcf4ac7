import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { foundOrThrow } from "@/lib/errors/app-error";

/** Revokes a key of this organization; revoking twice is harmless. */
export async function revokeApiKey(ctx: OrgContext, id: string): Promise<void> {
  authorizeOrThrow(ctx, "manage_api_keys");
  await db.$transaction(async (tx) => {
    const key = foundOrThrow(await tx.apiKey.findUnique({ where: { orgId_id: { orgId: ctx.orgId, id } } }), "API key");
    if (key.revokedAt) return;
    const revoked = await tx.apiKey.update({ where: { orgId_id: { orgId: ctx.orgId, id } }, data: { revokedAt: new Date() } });
    await recordAudit(tx, ctx, {
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: id,
      before: { name: key.name, prefix: key.prefix, revokedAt: null },
      after: { name: key.name, prefix: key.prefix, revokedAt: revoked.revokedAt!.toISOString() },
    });
  });
}
