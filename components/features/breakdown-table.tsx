import Link from "next/link";
import { formatShare } from "@/components/overview/format";
import { Table, Td, Th } from "@/components/ui/table";
import type { BreakdownRow } from "@/lib/features/prepare-breakdown";
import { formatUsdTotal, formatUsdUnit } from "@/lib/format/format-money";

const count = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** A feature's spend split by workflow, model or customer; workflows also show runs and cost per decision, and link where `hrefOf` says. */
export function BreakdownTable({ label, heading, rows, hrefOf }: { label: string; heading: string; rows: BreakdownRow[]; hrefOf?: (name: string) => string | null }) {
  const withRuns = rows.some((r) => r.runs !== undefined);
  return (
    <Table label={label}>
      <thead>
        <tr>
          <Th>{heading}</Th>
          <Th numeric>Cost</Th>
          <Th numeric>Share</Th>
          <Th numeric>Calls</Th>
          <Th numeric>Tokens in / out</Th>
          <Th numeric>Cost / call</Th>
          {withRuns ? <Th numeric>Runs</Th> : null}
          {withRuns ? <Th numeric>Cost / decision</Th> : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => {
          const href = hrefOf?.(row.name) ?? null;
          return (
            <tr key={row.name}>
              <Td className="max-w-[16rem] truncate font-medium text-slate-900">
                {href ? (
                  <Link href={href} className="text-accent-700 hover:underline">
                    {row.name}
                  </Link>
                ) : (
                  row.name
                )}
              </Td>
              <Td numeric>{formatUsdTotal(row.costUsd)}</Td>
              <Td numeric>{formatShare(row.share)}</Td>
              <Td numeric>{count.format(row.events)}</Td>
              <Td numeric>
                {compact.format(row.inputTokens)} / {compact.format(row.outputTokens)}
              </Td>
              <Td numeric>{row.costPerCallUsd === null ? "–" : formatUsdUnit(row.costPerCallUsd)}</Td>
              {withRuns ? <Td numeric>{count.format(row.runs ?? 0)}</Td> : null}
              {withRuns ? <Td numeric>{row.costPerDecisionUsd ? formatUsdUnit(row.costPerDecisionUsd) : "–"}</Td> : null}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
