import "server-only";
import type { OrgContext } from "@/lib/auth/org-context";
import { queryCosts } from "@/lib/costs/query-costs";
import { db } from "@/lib/db";
import { fromUnits, toUnits } from "@/lib/format/decimal";
import { recordRevenue } from "@/lib/revenue/record-revenue";
import { currentMonth, parseMarginPeriod } from "./margin-period";

/**
 * Inference cost as a share of revenue per demo feature, in tenths of a percent, for the last three
 * full months and the current one (oldest first). One healthy feature (about 94% gross margin, no
 * flag), one past the 10%-of-gross-margin rule but under the 23% benchmark, one thin and worsening
 * (both flags), one steady; the demo's internal features (`code-review`, `lead-scoring`) have no
 * revenue, so they show `no_revenue`.
 */
export const DEMO_INFERENCE_SHARE_PERMILLE: Readonly<Record<string, readonly [number, number, number, number]>> = {
  "support-chat": [70, 65, 60, 60],
  translation: [50, 50, 45, 45],
  "doc-search": [120, 130, 150, 160],
  summarizer: [550, 600, 680, 720],
};

const CENT = toUnits("0.01");
const ZERO = BigInt(0);

/** Revenue that puts `cost` at `permille`/1000 of it, in whole cents (half up). */
function revenueCents(costUsd: string, permille: number): bigint {
  const units = (toUnits(costUsd) * BigInt(1000)) / BigInt(permille);
  return (units + CENT / BigInt(2)) / CENT;
}

/** `total` cents split over the rows in proportion to their amounts; the remainder goes to the largest. */
function splitCents(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, ZERO);
  if (sum === ZERO) return weights.map((_, i) => (i === 0 ? total : ZERO));
  const parts = weights.map((w) => (total * w) / sum);
  const largest = weights.indexOf(weights.reduce((a, b) => (b > a ? b : a)));
  parts[largest] += total - parts.reduce((a, b) => a + b, ZERO);
  return parts;
}

/**
 * Sizes the demo organization's revenue from its own inference cost so that the Margins page
 * shows the profiles of DEMO_INFERENCE_SHARE_PERMILLE: for each profiled feature and each of the
 * last three full months and the current month, the month's revenue rows (per customer, from the
 * demo data) are scaled to the target in cents, or one row without customer is written. Rows
 * already at their target are left alone, so running it again at the same time changes nothing.
 * Answers how many rows it wrote.
 */
export async function ensureDemoRevenue(ctx: OrgContext, now: Date = new Date()): Promise<number> {
  const last = currentMonth(now, ctx.timeZone);
  const lastIndex = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7)) - 1;
  const months = [3, 2, 1, 0].map((back) => {
    const index = lastIndex - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
  const from = parseMarginPeriod(months[0], ctx.timeZone).from;
  const to = parseMarginPeriod(months[3], ctx.timeZone).to;
  const [costs, stored] = await Promise.all([
    queryCosts(ctx, { from, to, granularity: "month", groupBy: ["feature"], filters: { feature: Object.keys(DEMO_INFERENCE_SHARE_PERMILLE) }, format: "json" }),
    db.revenue.findMany({ where: { orgId: ctx.orgId, month: { in: months.map((m) => new Date(`${m}-01T00:00:00Z`)) }, feature: { in: Object.keys(DEMO_INFERENCE_SHARE_PERMILLE) } }, orderBy: { customer: "asc" } }),
  ]);
  const writes: { month: string; feature: string; customer?: string; amount_usd: string }[] = [];
  for (const row of costs.rows) {
    const month = row.period.slice(0, 7);
    const feature = row.feature!;
    const permille = DEMO_INFERENCE_SHARE_PERMILLE[feature]?.[months.indexOf(month)];
    if (permille === undefined || toUnits(row.cost_usd) === ZERO) continue;
    const target = revenueCents(row.cost_usd, permille);
    const existing = stored.filter((s) => s.feature === feature && s.month.toISOString().slice(0, 7) === month);
    const amounts = existing.map((s) => toUnits(s.amountUsd.toFixed(10)));
    if (amounts.reduce((a, b) => a + b, ZERO) === target * CENT && amounts.every((a) => a % CENT === ZERO)) continue;
    if (existing.length === 0) {
      writes.push({ month, feature, amount_usd: fromUnits(target * CENT) });
      continue;
    }
    splitCents(target, amounts).forEach((cents, i) => writes.push({ month, feature, customer: existing[i].customer || undefined, amount_usd: fromUnits(cents * CENT) }));
  }
  if (writes.length === 0) return 0;
  return (await recordRevenue(ctx, writes)).accepted;
}
