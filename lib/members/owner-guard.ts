import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

/** Throws when a change would leave the organization without an OWNER. */
export async function assertAnotherOwnerRemains(tx: Prisma.TransactionClient, orgId: string, userId: string): Promise<void> {
  const otherOwners = await tx.membership.count({ where: { orgId, role: "OWNER", userId: { not: userId } } });
  if (otherOwners === 0) {
    throw new AppError("CONFLICT", "An organization needs at least one owner: make someone else an owner first");
  }
}
