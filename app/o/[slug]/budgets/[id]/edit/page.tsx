import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BudgetForm } from "@/components/budgets/budget-form";
import { DeleteBudgetButton } from "@/components/budgets/delete-budget-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/org-context";
import { getBudgetOrThrow } from "@/lib/budgets/list-budgets";
import { budgetToFormValues } from "@/lib/budgets-view/budget-form";
import { loadScopeSuggestions } from "@/lib/budgets-view/load-scope-suggestions";
import { AppError } from "@/lib/errors/app-error";
import { getPageContext } from "@/lib/http/page-context";

export const metadata: Metadata = { title: "Edit budget" };

/** Editing or deleting a budget (FINANCE and above). */
export default async function EditBudgetPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const ctx = await getPageContext(slug);
  const budget = await getBudgetOrThrow(ctx, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const base = `/o/${ctx.orgSlug}`;
  const header = (
    <PageHeader
      title={`Edit ${budget.name}`}
      description={
        <>
          <Link href={`${base}/budgets`} className="text-accent-700 hover:underline">
            Budgets
          </Link>{" "}
          ·{" "}
          <Link href={`${base}/budgets/${budget.id}`} className="text-accent-700 hover:underline">
            {budget.name}
          </Link>
        </>
      }
    />
  );
  if (!can(ctx, "manage_budgets")) {
    return (
      <>
        {header}
        <Alert tone="info">Only members with the Finance, Admin or Owner role can change budgets.</Alert>
      </>
    );
  }
  return (
    <>
      {header}
      <div className="space-y-6">
        <Card>
          <BudgetForm orgSlug={ctx.orgSlug} budgetId={budget.id} initialValues={budgetToFormValues(budget)} suggestions={await loadScopeSuggestions(ctx)} />
        </Card>
        <Card title="Delete this budget" description="Its past alerts stay in the alert feed; deliveries already queued still go out.">
          <DeleteBudgetButton orgSlug={ctx.orgSlug} budgetId={budget.id} name={budget.name} />
        </Card>
      </div>
    </>
  );
}
