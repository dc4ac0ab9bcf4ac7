import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { generateApiKey, hashApiKey, visiblePrefix } from "./key-material";
import { createApiKeySchema, type CreateApiKeyInput } from "./schemas";

/** Creates a key and returns its secret once; only the hash and a visible prefix are stored. */
export async function createApiKey(ctx: OrgContext, input: CreateApiKeyInput) {
  authorizeOrThrow(ctx, "manage_api_keys");
  const { name, scopes } = parseOrThrow(createApiKeySchema, input);
  const secret = generateApiKey();
  const key = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { orgId: ctx.orgId, name, scopes, prefix: visiblePrefix(secret), keyHash: hashApiKey(secret), createdById: ctx.userId },
    });
    await recordAudit(tx, ctx, {
      action: "api_key.created",
      targetType: "api_key",
      targetId: created.id,
      after: { name, scopes, prefix: created.prefix },
    });
    return created;
  });
  return { id: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes, secret };
}
