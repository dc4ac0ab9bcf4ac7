import type { Metadata } from "next";
import Link from "next/link";
import { DeleteRevenueButton } from "@/components/revenue/delete-revenue-button";
import { RevenueForm } from "@/components/revenue/revenue-form";
import { RevenueImport } from "@/components/revenue/revenue-import";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/org-context";
import { formatDateTime } from "@/lib/format/format-date";
import { formatUsdTotal } from "@/lib/format/format-money";
import { getPageContext } from "@/lib/http/page-context";
import { defaultMarginPeriod } from "@/lib/margins/margin-period";
import { loadRevenuePage } from "@/lib/revenue/load-revenue-page";

export const metadata: Metadata = { title: "Revenue" };

/** SPEC 7: revenue per feature (and customer) per month: the form, the CSV import, and the stored rows. */
export default async function RevenueSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await getPageContext((await params).slug);
  const { rows, truncated, features } = await loadRevenuePage(ctx);
  const manage = can(ctx, "manage_revenue");
  const lastMonth = defaultMarginPeriod(new Date(), ctx.timeZone);
  return (
    <>
      <PageHeader
        title="Revenue"
        description={
          <>
            Revenue per feature, and optionally per customer, per month of the organization&apos;s calendar ({ctx.timeZone}). The{" "}
            <Link href={`/o/${ctx.orgSlug}/margins`} className="text-accent-700 hover:underline">
              Margins
            </Link>{" "}
            page sets it against inference cost. Also <code>POST /api/v1/revenue</code> and <code>POST /api/v1/imports/revenue</code>.
          </>
        }
      />
      <div className="space-y-6">
        {manage ? (
          <>
            <Card title="Record revenue" description="Saving the same month, feature and customer again replaces the amount.">
              <RevenueForm orgSlug={ctx.orgSlug} features={features} defaultMonth={lastMonth} />
            </Card>
            <Card title="Import a CSV" description="Checked first with a preview; a file with any error stores nothing.">
              <RevenueImport orgSlug={ctx.orgSlug} />
            </Card>
          </>
        ) : (
          <Alert tone="info">Finance, admins and owners record revenue; you can read it here and on the Margins page.</Alert>
        )}
        <Card
          title="Stored revenue"
          description={truncated ? `The newest ${rows.length.toLocaleString("en-US")} rows; the API lists all of them` : `${rows.length.toLocaleString("en-US")} ${rows.length === 1 ? "row" : "rows"}`}
          actions={
            <CsvExportButton
              filename={`${ctx.orgSlug}-revenue.csv`}
              header={["month", "feature", "customer", "amount_usd", "updated_at"]}
              rows={rows.map((r) => [r.month, r.feature, r.customer, r.amountUsd, r.updatedAt])}
            />
          }
        >
          {rows.length === 0 ? (
            <EmptyState title="No revenue yet">{manage ? "Record a month above, or import a CSV." : "Nobody has recorded revenue yet."}</EmptyState>
          ) : (
            <Table label="Stored revenue">
              <thead>
                <tr>
                  <Th>Month</Th>
                  <Th>Feature</Th>
                  <Th>Customer</Th>
                  <Th numeric>Amount</Th>
                  <Th>Updated</Th>
                  {manage ? <Th>
                    <span className="sr-only">Actions</span>
                  </Th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={`${r.month}/${r.feature}/${r.customer ?? ""}`} data-testid="revenue-row">
                    <Td>{r.month}</Td>
                    <Td className="max-w-[14rem] truncate font-medium text-slate-900">{r.feature}</Td>
                    <Td className="max-w-[12rem] truncate">{r.customer ?? <span className="text-slate-400">all customers</span>}</Td>
                    <Td numeric>{formatUsdTotal(r.amountUsd)}</Td>
                    <Td className="text-xs text-slate-500">{formatDateTime(r.updatedAt, ctx.timeZone)}</Td>
                    {manage ? (
                      <Td>
                        <DeleteRevenueButton orgSlug={ctx.orgSlug} month={r.month} feature={r.feature} customer={r.customer} />
                      </Td>
                    ) : null}
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
