import Link from "next/link";
import type { BudgetDriver } from "@/lib/budgets/schemas";
import { formatUsdTotal } from "@/lib/format/format-money";

/** The workflows driving a budget, inline: an over-cap one is flagged in words and colour. */
export function BudgetDriversInline({ drivers, workflowsHref }: { drivers: BudgetDriver[]; workflowsHref: string }) {
  if (drivers.length === 0) return <span className="text-slate-500">No workflow spend in this period</span>;
  return (
    <ul className="inline-flex flex-wrap gap-x-3 gap-y-1" aria-label="Workflows driving it">
      {drivers.map((d) => (
        <li key={d.workflow} data-testid="budget-driver" className={d.over_cap ? "font-medium text-red-700" : "text-slate-600"}>
          <Link href={`${workflowsHref}/${encodeURIComponent(d.workflow)}`} className="hover:underline">
            {d.workflow}
          </Link>{" "}
          <span className="tabular-nums">
            {formatUsdTotal(d.spend_usd)} ({d.share_pct}%)
          </span>
          {d.over_cap ? <span className="ml-1 rounded bg-red-50 px-1 text-xs ring-1 ring-inset ring-red-200">over cap</span> : null}
        </li>
      ))}
    </ul>
  );
}
