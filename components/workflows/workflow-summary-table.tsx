import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { WorkflowSummaryRow } from "@/lib/workflows-view/prepare-summary";

/** Per-workflow figures as prepared; each named workflow links to its run list. */
export function WorkflowSummaryTable({ rows, hrefOf }: { rows: WorkflowSummaryRow[]; hrefOf: Record<string, string> }) {
  return (
    <Table label="Workflows">
      <thead>
        <tr>
          <Th>Workflow</Th>
          <Th numeric>Runs</Th>
          <Th numeric>Total cost</Th>
          <Th numeric>p50 / run</Th>
          <Th numeric>p95 / run</Th>
          <Th numeric>Max / run</Th>
          <Th numeric>Avg steps</Th>
          <Th numeric>Success rate</Th>
          <Th numeric>Cost / success</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.key}>
            <Td className="font-medium text-slate-900">
              {hrefOf[row.key] ? (
                <Link href={hrefOf[row.key]} className="text-accent-700 hover:underline">
                  {row.name}
                </Link>
              ) : (
                <span className="text-slate-500">{row.name}</span>
              )}
            </Td>
            <Td numeric>{row.runs}</Td>
            <Td numeric>{row.total}</Td>
            <Td numeric>{row.p50}</Td>
            <Td numeric>{row.p95}</Td>
            <Td numeric>{row.max}</Td>
            <Td numeric>{row.avgSteps}</Td>
            <Td numeric>{row.successRate}</Td>
            <Td numeric>{row.costPerSuccess}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
