import type { ReactNode } from "react";
import { AppShell, type NavSection } from "@/components/shell/app-shell";
import { can } from "@/lib/auth/org-context";
import { db } from "@/lib/db";
import { getPageContext } from "@/lib/http/page-context";
import { listMyOrganizations } from "@/lib/orgs/list-my-organizations";

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getPageContext(slug);
  const [orgs, user] = await Promise.all([
    listMyOrganizations(ctx.userId!),
    db.user.findUniqueOrThrow({ where: { id: ctx.userId! }, select: { email: true } }),
  ]);
  const base = `/o/${ctx.orgSlug}`;
  const sections: NavSection[] = [
    { items: [{ label: "Overview", href: base, exact: true }, { label: "Features", href: `${base}/features` }, { label: "Explorer", href: `${base}/explorer` }, { label: "Workflows", href: `${base}/workflows` }, { label: "Why did it change", href: `${base}/why` }, { label: "Budgets", href: `${base}/budgets` }, { label: "Alerts", href: `${base}/alerts` }] },
    {
      title: "Finance",
      items: [
        { label: "Shadow AI", href: `${base}/shadow-ai` },
        { label: "Margins", href: `${base}/margins` },
        { label: "Board report", href: `${base}/reports/board` },
        { label: "Weekly review", href: `${base}/review` },
        { label: "What-if", href: `${base}/what-if` },
      ],
    },
    {
      title: "Settings",
      items: [
        { label: "Organization", href: `${base}/settings/organization` },
        { label: "Members", href: `${base}/settings/members` },
        { label: "API keys", href: `${base}/settings/api-keys` },
        { label: "Prices", href: `${base}/settings/prices` },
        ...(can(ctx, "ingest") ? [{ label: "Import events", href: `${base}/settings/import-events` }] : []),
        ...(can(ctx, "manage_shadow_ai") ? [{ label: "Expense and bill imports", href: `${base}/settings/imports` }] : []),
        ...(can(ctx, "manage_revenue") ? [{ label: "Revenue", href: `${base}/settings/revenue` }] : []),
        ...(can(ctx, "read_audit_log") ? [{ label: "Audit log", href: `${base}/settings/audit-log` }] : []),
      ],
    },
  ];
  return (
    <AppShell org={{ name: ctx.orgName, slug: ctx.orgSlug, role: ctx.role! }} orgs={orgs} userEmail={user.email} sections={sections}>
      {children}
    </AppShell>
  );
}
