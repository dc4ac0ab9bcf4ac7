import type { BudgetLevel } from "@/lib/budgets/schemas";
import { LEVEL_WORD } from "@/lib/budgets-view/prepare-budget-meter";

const DOT: Record<BudgetLevel, string> = { green: "bg-emerald-500", yellow: "bg-amber-400", red: "bg-red-600" };
const PILL: Record<BudgetLevel, string> = {
  green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  yellow: "bg-amber-50 text-amber-900 ring-amber-300",
  red: "bg-red-50 text-red-800 ring-red-200",
};

/** A budget's light: a coloured dot and the level in words, so colour is never the only signal. */
export function LevelLight({ level, testId = "budget-level" }: { level: BudgetLevel; testId?: string }) {
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${PILL[level]}`}>
      <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${DOT[level]}`} />
      <span data-testid={testId}>{LEVEL_WORD[level]}</span>
    </span>
  );
}
