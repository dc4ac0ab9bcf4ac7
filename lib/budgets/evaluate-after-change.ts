import "server-only";
import { evaluateBudgets } from "./evaluate-budgets";

/**
 * Evaluates budgets right after people change them. The change is already committed, so a failure
 * here is logged, not thrown: the worker evaluates the budget on its next pass.
 */
export async function evaluateBudgetsSafely(orgId: string, now: Date, budgetIds: string[]): Promise<void> {
  try {
    await evaluateBudgets(orgId, now, { budgetIds });
  } catch (error) {
    console.error("Budget evaluation after a change failed; the worker will retry", error);
  }
}
