import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { queryRaw } from "@/lib/db";
import { fromUnits, toUnits } from "@/lib/format/decimal";

/** One month of AI spend inside and outside governance (SPEC 6), exact decimal strings. */
export type GovernanceMonth = {
  month: string;
  /** Card spend on sanctioned catalog tools. */
  sanctioned_usd: string;
  /** Card spend on AI tools not on the sanctioned list. */
  unsanctioned_usd: string;
  /** API cost Marginal tracks from events. */
  tracked_api_usd: string;
  /** Billed minus tracked, per vendor, counted only where the bill is higher (any gap, no threshold). */
  unattributed_api_usd: string;
  inside_usd: string;
  outside_usd: string;
};

type Row = { month: string; kind: string; amount: string };

/**
 * AI spend per UTC month inside governance (sanctioned tools + tracked API cost) and outside it
 * (unsanctioned tools + API spend billed but not tracked). Months with no AI spend are absent.
 */
export async function summarizeGovernance(ctx: OrgContext): Promise<GovernanceMonth[]> {
  authorizeOrThrow(ctx, "read");
  const rows = await queryRaw<Row>(
    `WITH billed AS (
       SELECT vendor, month, SUM("amountUsd") AS amount FROM "BilledCost" WHERE "orgId" = $1 GROUP BY 1, 2
     ), tracked AS (
       SELECT provider, to_char(day AT TIME ZONE 'UTC', 'YYYY-MM') AS month, SUM("costUsd") AS amount
         FROM "CostRollupDaily" WHERE "orgId" = $1 GROUP BY 1, 2
     )
     SELECT to_char(e.date, 'YYYY-MM') AS month,
            CASE WHEN s."vendorId" IS NULL THEN 'unsanctioned' ELSE 'sanctioned' END AS kind,
            SUM(e."amountUsd")::text AS amount
       FROM "ExpenseTransaction" e
       LEFT JOIN "SanctionedTool" s ON s."orgId" = e."orgId" AND s."vendorId" = e."vendorId"
      WHERE e."orgId" = $1 AND e."vendorId" IS NOT NULL
      GROUP BY 1, 2
     UNION ALL
     SELECT month, 'tracked', SUM(amount)::text FROM tracked GROUP BY 1
     UNION ALL
     SELECT b.month, 'unattributed', SUM(b.amount - COALESCE(t.amount, 0))::text
       FROM billed b LEFT JOIN tracked t ON t.provider = b.vendor AND t.month = b.month
      WHERE b.amount > COALESCE(t.amount, 0)
      GROUP BY 1`,
    [ctx.orgId],
  );
  const months = new Map<string, Record<"sanctioned" | "unsanctioned" | "tracked" | "unattributed", bigint>>();
  for (const r of rows) {
    const zero = BigInt(0);
    const entry = months.get(r.month) ?? { sanctioned: zero, unsanctioned: zero, tracked: zero, unattributed: zero };
    entry[r.kind as keyof typeof entry] += toUnits(r.amount);
    months.set(r.month, entry);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({
      month,
      sanctioned_usd: fromUnits(m.sanctioned),
      unsanctioned_usd: fromUnits(m.unsanctioned),
      tracked_api_usd: fromUnits(m.tracked),
      unattributed_api_usd: fromUnits(m.unattributed),
      inside_usd: fromUnits(m.sanctioned + m.tracked),
      outside_usd: fromUnits(m.unsanctioned + m.unattributed),
    }));
}
