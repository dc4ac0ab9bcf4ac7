import Link from "next/link";
import { ChangeIndicator } from "@/components/overview/change-indicator";
import { formatShare } from "@/components/overview/format";
import { Table, Td, Th } from "@/components/ui/table";
import type { FeatureRow } from "@/lib/features/prepare-features";
import { formatUsdTotal, formatUsdUnit } from "@/lib/format/format-money";
import { ModelMixBar } from "./model-mix-bar";

const count = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** Cost per feature with trend, calls, tokens, cost per call and per decision, and model mix under its name; each feature links to its page. */
export function FeaturesTable({ rows, hrefOf }: { rows: FeatureRow[]; hrefOf: (name: string) => string }) {
  return (
    <Table label="Features">
      <thead>
        <tr>
          <Th>Feature · model mix</Th>
          <Th numeric>Cost</Th>
          <Th numeric>Share</Th>
          <Th numeric>Trend</Th>
          <Th numeric>Calls</Th>
          <Th numeric>Tokens in / out</Th>
          <Th numeric>Cost / call</Th>
          <Th numeric>Runs</Th>
          <Th numeric>Cost / decision</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.name} data-testid="feature-row">
            <Td className="max-w-[16rem] font-medium text-slate-900">
              <Link href={hrefOf(row.name)} className="block truncate text-accent-700 hover:underline">
                {row.name}
              </Link>
              <div className="mt-1 font-normal">
                <ModelMixBar mix={row.mix} />
              </div>
            </Td>
            <Td numeric>
              <span data-testid="feature-cost">{formatUsdTotal(row.costUsd)}</span>
            </Td>
            <Td numeric>{formatShare(row.share)}</Td>
            <Td numeric>
              <ChangeIndicator change={row.change} showAmount={false} />
            </Td>
            <Td numeric>{count.format(row.events)}</Td>
            <Td numeric>
              {compact.format(row.inputTokens)} / {compact.format(row.outputTokens)}
            </Td>
            <Td numeric>{row.costPerCallUsd === null ? "–" : formatUsdUnit(row.costPerCallUsd)}</Td>
            <Td numeric>{count.format(row.runs)}</Td>
            <Td numeric>{row.costPerDecisionUsd === null ? "–" : formatUsdUnit(row.costPerDecisionUsd)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
