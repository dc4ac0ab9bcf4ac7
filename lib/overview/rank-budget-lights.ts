import type { BudgetLevel } from "@/lib/budgets/schemas";

const SEVERITY: Record<BudgetLevel, number> = { red: 0, yellow: 1, green: 2 };

/** Budgets worst first (red, yellow, green), then by how far into their amount, then by name; with the count per level. */
export function rankBudgetLights<B extends { name: string; level: BudgetLevel; spend_usd: string; amount_usd: string }>(budgets: readonly B[]): { budgets: B[]; counts: Record<BudgetLevel, number> } {
  const used = (b: B) => Number(b.spend_usd) / Number(b.amount_usd);
  const counts: Record<BudgetLevel, number> = { red: 0, yellow: 0, green: 0 };
  for (const b of budgets) counts[b.level] += 1;
  return {
    budgets: [...budgets].sort((a, b) => SEVERITY[a.level] - SEVERITY[b.level] || used(b) - used(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    counts,
  };
}
