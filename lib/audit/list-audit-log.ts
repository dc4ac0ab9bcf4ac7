import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";

/** One audit row as pages and the API show it. */
export type AuditLogRow = {
  id: string;
  createdAt: Date;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
};

/** The organization's audit log, newest first (OWNER and ADMIN only). */
export async function listAuditLog(ctx: OrgContext, options: { limit?: number } = {}): Promise<AuditLogRow[]> {
  authorizeOrThrow(ctx, "read_audit_log");
  const rows = await db.auditLog.findMany({
    where: { orgId: ctx.orgId },
    orderBy: { createdAt: "desc" },
    take: Math.min(options.limit ?? 500, 5000),
  });
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    actor: r.actorLabel,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    before: r.before,
    after: r.after,
  }));
}
