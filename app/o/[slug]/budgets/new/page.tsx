import type { Metadata } from "next";
import Link from "next/link";
import { BudgetForm } from "@/components/budgets/budget-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/org-context";
import { emptyBudgetForm } from "@/lib/budgets-view/budget-form";
import { loadScopeSuggestions } from "@/lib/budgets-view/load-scope-suggestions";
import { getPageContext } from "@/lib/http/page-context";

export const metadata: Metadata = { title: "New budget" };

/** Creating a budget (FINANCE and above). */
export default async function NewBudgetPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await getPageContext((await params).slug);
  const base = `/o/${ctx.orgSlug}`;
  const header = (
    <PageHeader
      title="New budget"
      description={
        <>
          <Link href={`${base}/budgets`} className="text-accent-700 hover:underline">
            Budgets
          </Link>{" "}
          · amounts in USD · periods in {ctx.timeZone}
        </>
      }
    />
  );
  if (!can(ctx, "manage_budgets")) {
    return (
      <>
        {header}
        <Alert tone="info">Only members with the Finance, Admin or Owner role can create budgets. You can see every budget on the Budgets page.</Alert>
      </>
    );
  }
  return (
    <>
      {header}
      <Card>
        <BudgetForm orgSlug={ctx.orgSlug} initialValues={emptyBudgetForm()} suggestions={await loadScopeSuggestions(ctx)} />
      </Card>
    </>
  );
}
