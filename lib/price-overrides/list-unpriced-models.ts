import { db } from "@/lib/db";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";

/** Models with events that no price covers yet, most events first (from the roll-ups). */
export async function listUnpricedModels(ctx: OrgContext) {
  authorizeOrThrow(ctx, "read");
  const rows = await db.costRollupHourly.groupBy({
    by: ["provider", "model"],
    where: { orgId: ctx.orgId, unpricedEvents: { gt: 0 } },
    _sum: { unpricedEvents: true },
    _max: { hour: true },
  });
  return rows
    .map((r) => ({ provider: r.provider, model: r.model, events: Number(r._sum.unpricedEvents ?? 0), lastSeen: r._max.hour }))
    .sort((a, b) => b.events - a.events);
}
