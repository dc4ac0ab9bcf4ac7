import "server-only";
import type { OrgContext } from "@/lib/auth/org-context";
import type { ScopeDimension } from "@/lib/budgets/schemas";
import { queryCosts } from "@/lib/costs/query-costs";
import { scopeSuggestions } from "./scope-suggestions";

const SUGGESTION_DAYS = 90;

/** The values each scope dimension had in the organization's spend of the last 90 days, dearest first, for the budget form. */
export async function loadScopeSuggestions(ctx: OrgContext, now: Date = new Date()): Promise<Partial<Record<ScopeDimension, string[]>>> {
  const dimensions = ["feature", "team", "customer", "workflow", "provider", "model"] as const;
  const from = new Date(now.getTime() - SUGGESTION_DAYS * 86_400_000);
  const results = await Promise.all(dimensions.map((d) => queryCosts(ctx, { from, to: now, granularity: "month", groupBy: [d], filters: {}, format: "json" })));
  return Object.fromEntries(dimensions.map((d, i) => [d, scopeSuggestions(results[i].rows, d)]));
}
