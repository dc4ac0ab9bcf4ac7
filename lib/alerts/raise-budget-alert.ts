import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import type { StoredChannel } from "@/lib/budgets/schemas";

/** A budget's change of level, as the alert records it. */
export type BudgetAlertInput = {
  orgId: string;
  budgetId: string;
  budgetName: string;
  level: string;
  previousLevel: string;
  spendUsd: string;
  amountUsd: string;
  forecastUsd: string | null;
  reason: string;
  periodStart: Date;
  details: Prisma.InputJsonValue;
  channels: StoredChannel[];
};

/**
 * Writes the alert and one outbox row per channel in the caller's transaction, so a level change,
 * its alert and its deliveries commit together or not at all. The alert's UUID is the
 * idempotency key every delivery carries. Answers the alert id.
 */
export async function raiseBudgetAlert(tx: Prisma.TransactionClient, input: BudgetAlertInput, now: Date): Promise<string> {
  const id = randomUUID();
  await tx.alert.create({
    data: {
      orgId: input.orgId,
      id,
      kind: "budget",
      budgetId: input.budgetId,
      title: input.budgetName,
      level: input.level,
      previousLevel: input.previousLevel,
      spendUsd: input.spendUsd,
      amountUsd: input.amountUsd,
      forecastUsd: input.forecastUsd,
      reason: input.reason,
      details: input.details,
      periodStart: input.periodStart,
      createdAt: now,
    },
  });
  if (input.channels.length > 0) {
    await tx.alertDelivery.createMany({
      data: input.channels.map((channel) => ({ orgId: input.orgId, alertId: id, channel, status: "pending", nextAttemptAt: now, createdAt: now })),
    });
  }
  return id;
}
