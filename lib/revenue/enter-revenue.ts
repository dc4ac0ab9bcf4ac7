import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { recordRevenue } from "./record-revenue";
import { revenueSchema, type RevenueInput } from "./schemas";

/** Records one revenue row from the form: INVALID_INPUT naming each bad field, else the stored (or replaced) row. */
export async function enterRevenue(ctx: OrgContext, input: RevenueInput): Promise<{ month: string; feature: string; customer: string | null; amount_usd: string }> {
  authorizeOrThrow(ctx, "manage_revenue");
  const row = parseOrThrow(revenueSchema, { ...input, customer: input.customer?.trim() ? input.customer : undefined });
  await recordRevenue(ctx, [row]);
  return { month: row.month, feature: row.feature, customer: row.customer ?? null, amount_usd: row.amount_usd };
}
