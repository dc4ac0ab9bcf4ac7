import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { rebuildRollups } from "@/lib/rollups/rebuild-rollups";
import { updateOrganizationSchema, type UpdateOrganizationInput } from "./schemas";

/**
 * Renames the organization or changes its time zone (which sets its days, weeks and months);
 * a new time zone moves the hourly roll-ups' boundaries, so they are rebuilt in the same transaction.
 */
export async function updateOrganization(ctx: OrgContext, input: UpdateOrganizationInput): Promise<void> {
  authorizeOrThrow(ctx, "manage_org");
  const { name, timeZone } = parseOrThrow(updateOrganizationSchema, input);
  await db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { name: true, timeZone: true } });
    await tx.organization.update({ where: { id: ctx.orgId }, data: { name, timeZone } });
    if (before.timeZone !== timeZone) await rebuildRollups(tx, ctx.orgId, timeZone, before.timeZone);
    await recordAudit(tx, ctx, { action: "organization.updated", targetType: "organization", targetId: ctx.orgId, before, after: { name, timeZone } });
  });
}
