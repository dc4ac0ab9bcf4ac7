import type { Metadata } from "next";
import Link from "next/link";
import { BudgetList } from "@/components/budgets/budget-list";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/org-context";
import { listBudgets } from "@/lib/budgets/list-budgets";
import { getPageContext } from "@/lib/http/page-context";

export const metadata: Metadata = { title: "Budgets" };

/** SPEC 4 page 6: every budget as a green, yellow or red light that follows ingestion within seconds. */
export default async function BudgetsPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await getPageContext((await params).slug);
  const budgets = await listBudgets(ctx);
  const canManage = can(ctx, "manage_budgets");
  const base = `/o/${ctx.orgSlug}`;
  return (
    <>
      <PageHeader
        title="Budgets"
        description={
          <>
            Red at the red threshold or when one workflow passes its cap; yellow at the yellow threshold or when the forecast passes the amount; green otherwise. Periods in {ctx.timeZone} ·{" "}
            <Link href={`${base}/alerts`} className="text-accent-700 hover:underline">
              Alert feed
            </Link>
          </>
        }
        actions={
          canManage && budgets.length > 0 ? (
            <Link href={`${base}/budgets/new`} className="inline-flex h-9 items-center rounded-md bg-accent-600 px-3.5 text-sm font-medium text-white hover:bg-accent-700">
              New budget
            </Link>
          ) : null
        }
      />
      <BudgetList orgSlug={ctx.orgSlug} initialBudgets={budgets} canManage={canManage} />
    </>
  );
}
