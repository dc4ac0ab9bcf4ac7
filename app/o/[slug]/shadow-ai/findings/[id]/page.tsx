import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FindingForm, SanctionToolButton } from "@/components/shadow-ai/finding-form";
import { FindingStatusBadge } from "@/components/shadow-ai/findings-table";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/org-context";
import { AppError } from "@/lib/errors/app-error";
import { formatUsdTotal } from "@/lib/format/format-money";
import { getPageContext } from "@/lib/http/page-context";
import { getFindingOrThrow } from "@/lib/shadow-ai/findings";
import { monthLabel } from "@/lib/shadow-ai/prepare-governance-chart";
import { FINDING_KIND_EXPLANATIONS, FINDING_KIND_LABELS, FINDING_STATUS_LABELS } from "@/lib/shadow-ai/finding-labels";
import { readFindingParts, sanctionableTool } from "@/lib/shadow-ai/prepare-findings-view";

export const metadata: Metadata = { title: "Finding" };

const EVIDENCE_TYPE_LABELS = { expense: "Expense", subscription: "SaaS subscription", billed_cost: "Vendor bill line", reconciliation: "Billed minus tracked" } as const;

/** One finding: what it means, its spend per month, the people and the evidence rows, and who owns fixing it. */
export default async function FindingPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const ctx = await getPageContext(slug);
  const finding = await getFindingOrThrow(ctx, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const base = `/o/${ctx.orgSlug}/shadow-ai`;
  const { monthly, people, evidence } = readFindingParts(finding);
  const canManage = can(ctx, "manage_shadow_ai");
  const tool = sanctionableTool(finding);
  const maxMonth = monthly.reduce((max, m) => Math.max(max, Math.abs(Number(m.amountUsd))), 0);

  return (
    <>
      <PageHeader
        title={finding.title}
        description={
          <>
            <Link href={base} className="text-accent-700 hover:underline">
              Shadow AI
            </Link>{" "}
            · {FINDING_KIND_LABELS[finding.kind] ?? finding.kind} · <FindingStatusBadge status={finding.status} />
          </>
        }
      />
      <div className="space-y-6">
        <Alert tone="info">{FINDING_KIND_EXPLANATIONS[finding.kind]}</Alert>

        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <StatCard label="Total" value={formatUsdTotal(finding.total_usd)} testId="finding-total">
            {monthly.length} month{monthly.length === 1 ? "" : "s"} with spend
          </StatCard>
          <StatCard label="People" value={people.length.toLocaleString("en-US")} testId="finding-people" />
          <StatCard label="First seen" value={finding.first_seen?.slice(0, 10) ?? "—"} testId="finding-first-seen" />
          <StatCard label="Last seen" value={finding.last_seen?.slice(0, 10) ?? "—"} testId="finding-last-seen" />
        </div>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Owner, status and note" description={canManage ? "What people decide about this finding; new imports never change it." : "Only finance, admins and owners can change these."}>
            {canManage ? (
              <FindingForm orgSlug={ctx.orgSlug} findingId={finding.id} initial={{ status: finding.status, owner: finding.owner, note: finding.note }} />
            ) : (
              <dl className="grid gap-3 text-sm sm:grid-cols-[8rem_1fr]">
                <dt className="text-slate-500">Status</dt>
                <dd className="text-slate-900">{FINDING_STATUS_LABELS[finding.status]}</dd>
                <dt className="text-slate-500">Owner</dt>
                <dd className="text-slate-900">{finding.owner ?? "Unassigned"}</dd>
                <dt className="text-slate-500">Note</dt>
                <dd className="whitespace-pre-wrap text-slate-900">{finding.note ?? "—"}</dd>
              </dl>
            )}
            {canManage && tool ? (
              <div className="mt-6 border-t border-slate-100 pt-4">
                <SanctionToolButton orgSlug={ctx.orgSlug} vendorId={tool.vendorId} name={tool.name} />
              </div>
            ) : null}
          </Card>

          <Card title="Monthly spend" description="UTC months.">
            {monthly.length === 0 ? (
              <EmptyState title="No spend now">The evidence of this finding is gone (an import was undone or the tool sanctioned); its status and note are kept.</EmptyState>
            ) : (
              <Table label="Monthly spend">
                <thead>
                  <tr>
                    <Th>Month</Th>
                    <Th numeric>Amount</Th>
                    <Th />
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {monthly.map((m) => (
                    <tr key={m.month}>
                      <Td className="text-slate-900">{monthLabel(m.month)}</Td>
                      <Td numeric>{formatUsdTotal(m.amountUsd)}</Td>
                      <td className="w-1/2 px-5 py-2.5" aria-hidden="true">
                        <div className="h-2 rounded-full bg-red-500/80" style={{ width: `${maxMonth > 0 ? Math.max(2, (Math.abs(Number(m.amountUsd)) / maxMonth) * 100) : 0}%` }} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {people.length > 0 ? (
              <div className="mt-4 border-t border-slate-100 pt-3">
                <h3 className="text-sm font-medium text-slate-700">People</h3>
                <ul aria-label="People" className="mt-1 flex flex-wrap gap-2 text-sm text-slate-700">
                  {people.map((p) => (
                    <li key={p} className="rounded bg-slate-100 px-2 py-0.5">
                      {p}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Card>
        </div>

        <Card
          title="Evidence"
          description={evidence.length >= 500 ? "The first 500 rows behind this finding." : "The rows behind this finding."}
          actions={
            <CsvExportButton
              filename={`${ctx.orgSlug}-finding-${finding.id}-evidence.csv`}
              header={["date", "label", "amount_usd", "type", "id"]}
              rows={evidence.map((e) => [e.date, e.label, e.amountUsd, e.type, e.id])}
            />
          }
        >
          {evidence.length === 0 ? (
            <EmptyState title="No evidence now">Nothing stored supports this finding any more.</EmptyState>
          ) : (
            <Table label="Evidence">
              <thead>
                <tr>
                  <Th>Date</Th>
                  <Th>Label</Th>
                  <Th numeric>Amount</Th>
                  <Th>Type</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {evidence.map((e) => (
                  <tr key={`${e.type}:${e.id}`}>
                    <Td>{e.date}</Td>
                    <td className="min-w-64 px-5 py-2.5 text-slate-900">{e.label}</td>
                    <Td numeric>{formatUsdTotal(e.amountUsd)}</Td>
                    <Td>{EVIDENCE_TYPE_LABELS[e.type]}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
