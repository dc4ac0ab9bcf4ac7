import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { db, queryRaw } from "@/lib/db";

/** One stored revenue row as the settings page lists it. */
export type RevenueListRow = { month: string; feature: string; customer: string | null; amountUsd: string; updatedAt: string };

const MAX_ROWS = 2_000;

// Features that ever had spend, for the form's suggestions; the daily roll-up is far smaller than events.
const KNOWN_FEATURES_SQL = `
  SELECT DISTINCT "feature" FROM "CostRollupDaily" WHERE "orgId" = $1 AND "feature" <> ''
  UNION SELECT DISTINCT "feature" FROM "Revenue" WHERE "orgId" = $1
  ORDER BY 1 LIMIT 500`;

/** The revenue rows (newest month first, at most 2,000) and the feature names to suggest in the form. */
export async function loadRevenuePage(ctx: OrgContext): Promise<{ rows: RevenueListRow[]; truncated: boolean; features: string[] }> {
  authorizeOrThrow(ctx, "read");
  const [rows, features] = await Promise.all([
    db.revenue.findMany({ where: { orgId: ctx.orgId }, orderBy: [{ month: "desc" }, { feature: "asc" }, { customer: "asc" }], take: MAX_ROWS + 1 }),
    queryRaw<{ feature: string }>(KNOWN_FEATURES_SQL, [ctx.orgId]),
  ]);
  return {
    rows: rows.slice(0, MAX_ROWS).map((r) => ({ month: r.month.toISOString().slice(0, 7), feature: r.feature, customer: r.customer || null, amountUsd: r.amountUsd.toFixed(10), updatedAt: r.updatedAt.toISOString() })),
    truncated: rows.length > MAX_ROWS,
    features: features.map((f) => f.feature),
  };
}
