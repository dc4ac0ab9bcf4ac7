import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatUsdTotal } from "@/lib/format/format-money";
import type { TopRow } from "@/lib/overview/compare-periods";
import { ChangeIndicator } from "./change-indicator";
import { formatShare } from "./format";

function TopName({ name, href }: { name: string; href: string | null }) {
  return href ? (
    <Link href={href} className="text-accent-700 hover:underline">
      {name}
    </Link>
  ) : (
    <span className="text-slate-500">{name}</span>
  );
}

/** The most expensive features or workflows this month, with a CSV of the same rows (exact decimals). */
export function TopTable({ title, dimension, rows, filename, hrefOf }: { title: string; dimension: "feature" | "workflow"; rows: TopRow[]; filename: string; hrefOf: (name: string) => string | null }) {
  return (
    <Card
      title={title}
      description="This month, change vs the same days last month"
      actions={
        <CsvExportButton
          filename={filename}
          header={[dimension, "cost_usd", "share", "events", "previous_cost_usd", "change_usd"]}
          rows={rows.map((r) => [r.name, r.costUsd, r.share, r.events, r.previousUsd, r.change.amountUsd])}
        />
      }
    >
      {rows.length === 0 ? (
        <EmptyState title="No spend this month yet" />
      ) : (
        <Table label={title}>
          <thead>
            <tr>
              <Th>{dimension === "feature" ? "Feature" : "Workflow"}</Th>
              <Th numeric>Cost</Th>
              <Th numeric>Share</Th>
              <Th numeric>Change</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.name}>
                <Td className="max-w-[14rem] truncate font-medium text-slate-900">
                  <TopName name={row.name} href={hrefOf(row.name)} />
                </Td>
                <Td numeric>{formatUsdTotal(row.costUsd)}</Td>
                <Td numeric>{formatShare(row.share)}</Td>
                <Td numeric>
                  <ChangeIndicator change={row.change} showAmount={false} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
