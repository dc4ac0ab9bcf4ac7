import Link from "next/link";
import { LevelLight } from "@/components/budgets/level-light";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { BudgetJson } from "@/lib/budgets/schemas";
import { formatUsdTotal } from "@/lib/format/format-money";
import { rankBudgetLights } from "@/lib/overview/rank-budget-lights";

/** How many lights the overview lists; the budgets page has them all. */
const SHOWN = 6;

/** The budget lights (SPEC 4 page 1): worst first, each with spend against amount, forecast and the reason for its colour. */
export function BudgetLights({ budgets, budgetsHref }: { budgets: BudgetJson[]; budgetsHref: string }) {
  const { budgets: ranked, counts } = rankBudgetLights(budgets);
  return (
    <Card
      title="Budget lights"
      description={budgets.length === 0 ? "No budgets yet" : `${counts.red} red · ${counts.yellow} yellow · ${counts.green} green`}
      actions={
        <Link href={budgetsHref} className="text-sm font-medium text-accent-700 hover:underline">
          All budgets
        </Link>
      }
    >
      {ranked.length === 0 ? (
        <EmptyState title="No budgets yet" action={<Link href={budgetsHref} className="text-sm font-medium text-accent-700 hover:underline">Create a budget</Link>}>
          A budget turns yellow and red as spend nears its amount, or when one workflow runs away.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {ranked.slice(0, SHOWN).map((b) => (
            <li key={b.id} className="py-2.5" data-testid="budget-light">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <p>
                  <LevelLight level={b.level} testId="overview-budget-level" />{" "}
                  <Link href={`${budgetsHref}/${b.id}`} className="font-medium text-slate-900 hover:underline">
                    {b.name}
                  </Link>
                </p>
                <p className="text-sm tabular-nums text-slate-700">
                  {formatUsdTotal(b.spend_usd)} of {formatUsdTotal(b.amount_usd)}
                  {b.forecast_usd ? <span className="text-slate-500"> · forecast {formatUsdTotal(b.forecast_usd)}</span> : null}
                </p>
              </div>
              <p className="mt-0.5 truncate text-xs text-slate-500" title={b.reason}>
                {b.reason}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
