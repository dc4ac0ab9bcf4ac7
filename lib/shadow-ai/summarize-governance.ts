import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { db, queryRaw } from "@/lib/db";
import { fromUnits, toUnits } from "@/lib/format/decimal";
import { readSubscriptionSpend } from "./run-audit";

/** One month of AI spend inside and outside governance (SPEC 6), exact decimal strings. */
export type GovernanceMonth = {
  month: string;
  /** Card and subscription spend on sanctioned catalog tools. */
  sanctioned_usd: string;
  /** Card and subscription spend on AI tools not on the sanctioned list. */
  unsanctioned_usd: string;
  /** The part of the two above that is SaaS subscriptions (the rest is card spend). */
  subscriptions_usd: string;
  /** API cost Marginal tracks from events, per month in the organization's time zone. */
  tracked_api_usd: string;
  /** Billed minus tracked, per vendor and UTC month as billed, counted only where the bill is higher (any gap, no threshold). */
  unattributed_api_usd: string;
  inside_usd: string;
  outside_usd: string;
};

type Part = "sanctioned" | "unsanctioned" | "subscriptions" | "tracked" | "unattributed";
type Row = { month: string; kind: Part; amount: string };

/**
 * AI spend per calendar month inside governance (sanctioned tools + tracked API cost) and outside
 * it (unsanctioned tools + API spend billed but not tracked). Card and subscription months are
 * calendar dates already; tracked cost is grouped by the organization's months; the unattributed
 * gap keeps the bill's UTC month (vendor buckets are UTC days). Months with no AI spend are absent.
 */
export async function summarizeGovernance(ctx: OrgContext): Promise<GovernanceMonth[]> {
  authorizeOrThrow(ctx, "read");
  const [rows, subscriptions, sanctioned] = await Promise.all([
    queryRaw<Row>(
      `WITH billed AS (
         SELECT vendor, month, SUM("amountUsd") AS amount FROM "BilledCost" WHERE "orgId" = $1 GROUP BY 1, 2
       ), tracked_utc AS (
         SELECT h.provider, to_char(h.hour AT TIME ZONE 'UTC', 'YYYY-MM') AS month, SUM(h."costUsd") AS amount
           FROM "CostRollupHourly" h
          WHERE h."orgId" = $1 AND EXISTS (SELECT 1 FROM billed b WHERE b.vendor = h.provider)
            AND h.hour >= (SELECT (MIN(month) || '-01')::timestamp AT TIME ZONE 'UTC' FROM billed)
            AND h.hour < (SELECT (MAX(month) || '-01')::timestamp AT TIME ZONE 'UTC' + interval '1 month' FROM billed)
          GROUP BY 1, 2
       )
       SELECT to_char(e.date, 'YYYY-MM') AS month,
              CASE WHEN s."vendorId" IS NULL THEN 'unsanctioned' ELSE 'sanctioned' END AS kind,
              SUM(e."amountUsd")::text AS amount
         FROM "ExpenseTransaction" e
         LEFT JOIN "SanctionedTool" s ON s."orgId" = e."orgId" AND s."vendorId" = e."vendorId"
        WHERE e."orgId" = $1 AND e."vendorId" IS NOT NULL
        GROUP BY 1, 2
       UNION ALL
       SELECT to_char(day AT TIME ZONE $2, 'YYYY-MM'), 'tracked', SUM("costUsd")::text
         FROM "CostRollupDaily" WHERE "orgId" = $1 GROUP BY 1
       UNION ALL
       SELECT b.month, 'unattributed', SUM(b.amount - COALESCE(t.amount, 0))::text
         FROM billed b LEFT JOIN tracked_utc t ON t.provider = b.vendor AND t.month = b.month
        WHERE b.amount > COALESCE(t.amount, 0)
        GROUP BY 1`,
      [ctx.orgId, ctx.timeZone],
    ),
    readSubscriptionSpend(ctx),
    db.sanctionedTool.findMany({ where: { orgId: ctx.orgId }, select: { vendorId: true } }),
  ]);
  const sanctionedIds = new Set(sanctioned.map((s) => s.vendorId));
  for (const s of subscriptions) {
    const kind = sanctionedIds.has(s.vendorId!) ? "sanctioned" : "unsanctioned";
    for (const m of s.months) rows.push({ month: m.month, kind, amount: m.amountUsd }, { month: m.month, kind: "subscriptions", amount: m.amountUsd });
  }
  const zero = BigInt(0);
  const months = new Map<string, Record<Part, bigint>>();
  for (const r of rows) {
    const entry = months.get(r.month) ?? { sanctioned: zero, unsanctioned: zero, subscriptions: zero, tracked: zero, unattributed: zero };
    entry[r.kind] += toUnits(r.amount);
    months.set(r.month, entry);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({
      month,
      sanctioned_usd: fromUnits(m.sanctioned),
      unsanctioned_usd: fromUnits(m.unsanctioned),
      subscriptions_usd: fromUnits(m.subscriptions),
      tracked_api_usd: fromUnits(m.tracked),
      unattributed_api_usd: fromUnits(m.unattributed),
      inside_usd: fromUnits(m.sanctioned + m.tracked),
      outside_usd: fromUnits(m.unsanctioned + m.unattributed),
    }));
}
