import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { can } from "@/lib/auth/org-context";
import { formatDateTime } from "@/lib/format/format-date";
import { getPageContext } from "@/lib/http/page-context";

export const metadata: Metadata = { title: "Audit log" };

function describe(value: unknown): string {
  if (value === null || value === undefined) return "";
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(" ") : String(v)}`)
    .join(", ");
}

export default async function AuditLogPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await getPageContext((await params).slug);
  if (!can(ctx, "read_audit_log")) {
    return (
      <>
        <PageHeader title="Audit log" />
        <Card>
          <EmptyState title="Only owners and admins can read the audit log">Ask an owner or admin of {ctx.orgName} if you need a record of a change.</EmptyState>
        </Card>
      </>
    );
  }
  const rows = await listAuditLog(ctx);
  return (
    <>
      <PageHeader title="Audit log" description="Every change to members, roles, API keys, budgets, prices and findings: who, what, when, before and after." />
      <Card
        title="Changes"
        description={rows.length >= 500 ? "The latest 500 changes." : undefined}
        actions={
          <CsvExportButton
            filename={`${ctx.orgSlug}-audit-log.csv`}
            header={["at", "actor", "action", "target_type", "target_id", "before", "after"]}
            rows={rows.map((r) => [r.createdAt, r.actor, r.action, r.targetType, r.targetId, r.before ? JSON.stringify(r.before) : "", r.after ? JSON.stringify(r.after) : ""])}
          />
        }
      >
        {rows.length === 0 ? (
          <EmptyState title="No changes recorded yet" />
        ) : (
          <Table label="Audit log">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>Who</Th>
                <Th>What</Th>
                <Th>Before</Th>
                <Th>After</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <Td>{formatDateTime(r.createdAt, ctx.timeZone)}</Td>
                  <Td>{r.actor}</Td>
                  <Td className="font-mono text-xs">{r.action}</Td>
                  <Td className="max-w-xs truncate text-xs text-slate-500">{describe(r.before)}</Td>
                  <Td className="max-w-xs truncate text-xs">{describe(r.after)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
