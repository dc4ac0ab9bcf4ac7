import { db } from "@/lib/db";
import { systemContext } from "@/lib/setup/system-context";
import { repriceEvents } from "./reprice-events";

/**
 * Prices every organization's unpriced events that a price now covers: run at start-up, since
 * a new release can bring catalog prices for models that had none (SPEC 2.2).
 */
export async function priceUnpricedEvents(): Promise<{ organizations: number; events: number }> {
  const orgIds = await db.costRollupHourly.findMany({ where: { unpricedEvents: { gt: 0 } }, distinct: ["orgId"], select: { orgId: true } });
  let events = 0;
  for (const { orgId } of orgIds) {
    const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
    events += (await repriceEvents(systemContext(org), { onlyUnpriced: true })).events;
  }
  return { organizations: orgIds.length, events };
}
