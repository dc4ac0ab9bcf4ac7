import type { Metadata } from "next";
import Link from "next/link";
import { ImportShadowAiWizard, type ShadowAiImportKindOption } from "@/components/imports/import-shadow-ai-wizard";
import { ShadowAiImportHistory } from "@/components/imports/shadow-ai-import-history";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/org-context";
import { getPageContext } from "@/lib/http/page-context";
import { EXPENSE_FIELDS } from "@/lib/shadow-ai/expenses-from-csv";
import { listShadowAiImports } from "@/lib/shadow-ai/import-files";
import { SUBSCRIPTION_FIELDS } from "@/lib/shadow-ai/subscriptions-from-csv";

export const metadata: Metadata = { title: "Expense and bill imports" };

const EXPENSE_FIELD_LABELS: Record<(typeof EXPENSE_FIELDS)[number], string> = {
  date: "Date",
  employee: "Employee",
  email: "Email",
  merchant: "Merchant",
  description: "Description",
  amount: "Amount (USD)",
  currency: "Currency",
  cost_center: "Cost center",
};

const SUBSCRIPTION_FIELD_LABELS: Record<(typeof SUBSCRIPTION_FIELDS)[number], string> = {
  application: "Application",
  vendor: "Vendor",
  plan: "Plan",
  owner: "Owner",
  email: "Owner email",
  seats: "Seats",
  amount: "Amount per cycle (USD)",
  annual_amount: "Annual amount (USD)",
  monthly_amount: "Monthly amount (USD)",
  billing_cycle: "Billing cycle",
  currency: "Currency",
  start_date: "Start date",
  renewal_date: "Renewal date",
  cost_center: "Cost center",
};

const KINDS: ShadowAiImportKindOption[] = [
  {
    kind: "expenses",
    label: "Expenses and card lines",
    description: "CSV from your expense tool or card export: date, employee or email, merchant, description, amount in USD, cost center.",
    fileLabel: "CSV file",
    accept: ".csv,text/csv,text/plain",
    fields: EXPENSE_FIELDS.map((field) => ({ field, label: EXPENSE_FIELD_LABELS[field] })),
    rowWord: "expense line",
  },
  {
    kind: "subscriptions",
    label: "SaaS subscriptions",
    description: "CSV from your SaaS-management tool or finance sheet: application, vendor, plan, owner, seats, cost and billing cycle.",
    fileLabel: "CSV file",
    accept: ".csv,text/csv,text/plain",
    fields: SUBSCRIPTION_FIELDS.map((field) => ({ field, label: SUBSCRIPTION_FIELD_LABELS[field] })),
    rowWord: "subscription",
  },
  {
    kind: "vendor-bills",
    label: "Vendor bill",
    description: "JSON as exported from the OpenAI costs API or the Anthropic cost report, unchanged.",
    fileLabel: "JSON file",
    accept: ".json,application/json,text/plain",
    fields: null,
    rowWord: "bill line",
  },
];

/** SPEC 6: the Shadow AI imports (finance and above): dry run with row errors, then commit; the history can be undone. */
export default async function ShadowAiImportsPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await getPageContext((await params).slug);
  const base = `/o/${ctx.orgSlug}`;
  if (!can(ctx, "manage_shadow_ai")) {
    return (
      <>
        <PageHeader title="Expense and bill imports" />
        <Card>
          <EmptyState
            title="Importing expenses and bills needs the finance, admin or owner role"
            action={
              <Link href={`${base}/shadow-ai`} className="text-sm font-medium text-accent-600 hover:underline">
                Go to Shadow AI
              </Link>
            }
          >
            You can read the Shadow AI findings, but not add data. Ask an admin to change your role, or send the file to someone in finance.
          </EmptyState>
        </Card>
      </>
    );
  }
  const imports = await listShadowAiImports(ctx);
  const history = imports.map((i) => ({
    id: i.id,
    kind: i.kind,
    fileName: i.fileName,
    rows: i.rows,
    totalUsd: i.totalUsd.toFixed(10),
    createdBy: i.createdBy,
    createdAt: i.createdAt.toISOString(),
    undoneAt: i.undoneAt?.toISOString() ?? null,
  }));
  return (
    <>
      <PageHeader
        title="Expense and bill imports"
        description={
          <>
            Import card and expense lines, SaaS subscriptions and your AI vendors&apos; bills to find AI spend outside governance on the{" "}
            <Link href={`${base}/shadow-ai`} className="text-accent-700 hover:underline">
              Shadow AI
            </Link>{" "}
            page. Every row is checked first; a file with any error stores nothing, and a row already imported is never stored twice. From a script, use{" "}
            <code className="font-mono text-xs">POST /api/v1/imports/expenses</code>, <code className="font-mono text-xs">/subscriptions</code> or{" "}
            <code className="font-mono text-xs">/vendor-bills</code>.
          </>
        }
      />
      <div className="space-y-6">
        <ImportShadowAiWizard orgSlug={ctx.orgSlug} kinds={KINDS} />
        <Card title="Import history" description="Newest first. Undoing an import deletes its rows and re-runs the audit; the import stays listed as undone.">
          <ShadowAiImportHistory orgSlug={ctx.orgSlug} imports={history} timeZone={ctx.timeZone} canManage />
        </Card>
      </div>
    </>
  );
}
