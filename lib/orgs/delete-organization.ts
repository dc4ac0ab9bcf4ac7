import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { AppError } from "@/lib/errors/app-error";

/** Deletes the organization and all its data (OWNER only); the name must be typed to confirm. */
export async function deleteOrganization(ctx: OrgContext, confirmName: string): Promise<void> {
  authorizeOrThrow(ctx, "delete_org");
  if (confirmName.trim() !== ctx.orgName) {
    throw new AppError("INVALID_INPUT", "Type the organization's name exactly to delete it", {
      issues: [{ path: "confirmName", message: `Type "${ctx.orgName}" to confirm` }],
    });
  }
  // Tenant tables without a foreign key to the organization are cleared explicitly, in one
  // transaction, so nothing of the organization is left behind.
  await db.$transaction(async (tx) => {
    const where = { orgId: ctx.orgId };
    await tx.event.deleteMany({ where });
    await tx.eventKey.deleteMany({ where });
    await tx.run.deleteMany({ where });
    await tx.costRollupHourly.deleteMany({ where });
    await tx.costRollupDaily.deleteMany({ where });
    await tx.priceOverride.deleteMany({ where });
    await tx.auditLog.deleteMany({ where });
    await tx.organization.delete({ where: { id: ctx.orgId } });
  });
}
