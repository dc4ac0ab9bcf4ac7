import type { Metadata } from "next";
import Link from "next/link";
import { GovernanceChart } from "@/components/shadow-ai/governance-chart";
import { FindingsTable } from "@/components/shadow-ai/findings-table";
import { SanctionedToolsManager } from "@/components/shadow-ai/sanctioned-tools-manager";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/org-context";
import { formatUsdTotal } from "@/lib/format/format-money";
import { getPageContext } from "@/lib/http/page-context";
import { AI_VENDOR_CATALOG } from "@/lib/shadow-ai/ai-vendor-catalog";
import { listFindings } from "@/lib/shadow-ai/findings";
import { listShadowAiImports } from "@/lib/shadow-ai/import-files";
import { monthLabel, prepareGovernanceChart } from "@/lib/shadow-ai/prepare-governance-chart";
import { parseFindingFilters, summarizeOpenFindings } from "@/lib/shadow-ai/prepare-findings-view";
import { listSanctionedTools } from "@/lib/shadow-ai/sanctioned-tools";
import { summarizeGovernance } from "@/lib/shadow-ai/summarize-governance";

export const metadata: Metadata = { title: "Shadow AI" };

function categoryLabel(category: string): string {
  const words = category.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** SPEC 6: AI spend inside and outside governance per month, the findings by size, and the sanctioned tools. */
export default async function ShadowAiPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await getPageContext((await params).slug);
  const filters = parseFindingFilters(await searchParams);
  const [months, findings, tools, imports] = await Promise.all([summarizeGovernance(ctx), listFindings(ctx), listSanctionedTools(ctx), listShadowAiImports(ctx)]);
  const base = `/o/${ctx.orgSlug}`;
  const canManage = can(ctx, "manage_shadow_ai");
  const chart = prepareGovernanceChart(months);
  const open = summarizeOpenFindings(findings);
  const shown = findings.filter((f) => (filters.status.length === 0 || filters.status.includes(f.status)) && (filters.kind.length === 0 || filters.kind.includes(f.kind)));
  const imported = imports.some((i) => i.undoneAt === null);
  const options = AI_VENDOR_CATALOG.map((v) => ({ id: v.id, name: `${v.vendor} ${v.product}`.trim(), category: categoryLabel(v.category) }));
  const importsLink = (
    <Link href={`${base}/settings/imports`} className="text-accent-700 hover:underline">
      Import expenses and vendor bills
    </Link>
  );
  const { headline } = chart;
  const monthsShown = chart.rows.length;

  return (
    <>
      <PageHeader
        title="Shadow AI"
        description={
          <>
            AI spend outside governance: tools paid on cards that are not sanctioned, and API spend vendors billed that Marginal did not track. Card, subscription and tracked months follow the organization&apos;s time zone; vendor bills are reconciled per UTC month, as vendors bill.
            {canManage ? <> · {importsLink}</> : null}
          </>
        }
      />
      <div className="space-y-6">
        {!imported && findings.length === 0 ? (
          <Card>
            <EmptyState
              title="Nothing imported yet"
              action={
                canManage ? (
                  <Link href={`${base}/settings/imports`} className="inline-flex h-9 items-center rounded-md bg-accent-600 px-3.5 text-sm font-medium text-white hover:bg-accent-700">
                    Import expenses and vendor bills
                  </Link>
                ) : null
              }
            >
              Import a month of card or expense lines and your AI vendors&apos; bills: every AI tool and API charge is matched against the catalog and your sanctioned tools,
              and what is outside governance becomes a finding someone owns.
              {canManage ? null : " Ask someone with the finance, admin or owner role to import them."}
            </EmptyState>
          </Card>
        ) : null}

        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <StatCard label="Outside governance" value={formatUsdTotal(headline.latestOutside)} testId="outside-latest">
            {headline.latestMonth ? `${monthLabel(headline.latestMonth)} · ${formatUsdTotal(headline.totalOutside)} over ${monthsShown} month${monthsShown === 1 ? "" : "s"}` : "No AI spend yet"}
          </StatCard>
          <StatCard label="Inside governance" value={formatUsdTotal(headline.latestInside)} testId="inside-latest">
            {headline.latestMonth ? `${monthLabel(headline.latestMonth)} · ${formatUsdTotal(headline.totalInside)} over ${monthsShown} month${monthsShown === 1 ? "" : "s"}` : "Sanctioned tools and tracked API cost"}
          </StatCard>
          <StatCard label="Open findings" value={open.count.toLocaleString("en-US")} testId="open-findings">
            {formatUsdTotal(open.totalUsd)} of spend in open findings
          </StatCard>
          <StatCard label="Share outside governance" value={headline.outsideSharePct === null ? "—" : `${headline.outsideSharePct}%`} testId="outside-share">
            of AI spend over the months shown
          </StatCard>
        </div>

        <Card title="Inside and outside governance" description="Per month: sanctioned tools and tracked API cost are inside; unsanctioned tools and unattributed API spend are outside.">
          {chart.rows.length === 0 ? (
            <EmptyState title="No AI spend yet">AI spend appears here once expenses, vendor bills or events are in.</EmptyState>
          ) : (
            <GovernanceChart points={chart.points} series={chart.series} />
          )}
        </Card>

        {chart.rows.length > 0 ? (
          <Card
            title="By month"
            description="The chart's figures, exact."
            actions={
              <CsvExportButton
                filename={`${ctx.orgSlug}-shadow-ai-governance.csv`}
                header={["month", "sanctioned_tools_usd", "tracked_api_usd", "unsanctioned_tools_usd", "unattributed_api_usd", "inside_usd", "outside_usd", "outside_share_pct"]}
                rows={chart.rows.map((r) => [r.month, r.sanctioned_usd, r.tracked_api_usd, r.unsanctioned_usd, r.unattributed_api_usd, r.inside_usd, r.outside_usd, r.outside_share_pct ?? ""])}
              />
            }
          >
            <Table label="AI spend by month">
              <thead>
                <tr>
                  <Th>Month</Th>
                  <Th numeric>Sanctioned tools</Th>
                  <Th numeric>Tracked API</Th>
                  <Th numeric>Unsanctioned tools</Th>
                  <Th numeric>Unattributed API</Th>
                  <Th numeric>Inside</Th>
                  <Th numeric>Outside</Th>
                  <Th numeric>Outside share</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {[...chart.rows].reverse().map((r) => (
                  <tr key={r.month}>
                    <Td className="text-slate-900">{r.label}</Td>
                    <Td numeric>{formatUsdTotal(r.sanctioned_usd)}</Td>
                    <Td numeric>{formatUsdTotal(r.tracked_api_usd)}</Td>
                    <Td numeric>{formatUsdTotal(r.unsanctioned_usd)}</Td>
                    <Td numeric>{formatUsdTotal(r.unattributed_api_usd)}</Td>
                    <Td numeric>{formatUsdTotal(r.inside_usd)}</Td>
                    <Td numeric className="font-medium text-slate-900">
                      {formatUsdTotal(r.outside_usd)}
                    </Td>
                    <Td numeric>{r.outside_share_pct === null ? "—" : `${r.outside_share_pct}%`}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
        ) : null}

        <FindingsTable orgSlug={ctx.orgSlug} findings={shown} totalCount={findings.length} filters={filters} />

        <Card title="Sanctioned tools" description="Tools the organization approves and licenses centrally. Their card spend counts as inside governance; paying for them on cards is duplicate spend.">
          <SanctionedToolsManager orgSlug={ctx.orgSlug} tools={tools} options={options} canManage={canManage} />
        </Card>
      </div>
    </>
  );
}
