import type { Prisma } from "@/lib/db/generated/client";
import type { OrgContext } from "@/lib/auth/org-context";

/** What changed, for the audit log (SPEC section 1: who, what, when, before/after). */
export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/** Writes an audit row in the caller's transaction, so a change and its record land together. */
export async function recordAudit(tx: Prisma.TransactionClient, ctx: OrgContext, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      orgId: ctx.orgId,
      actorUserId: ctx.userId,
      actorKeyId: ctx.apiKeyId,
      actorLabel: ctx.actorLabel,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
