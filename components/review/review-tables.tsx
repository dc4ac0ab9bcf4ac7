import Link from "next/link";
import { LevelLight } from "@/components/budgets/level-light";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { CsvCell } from "@/lib/csv/to-csv";
import { formatUsdTotal } from "@/lib/format/format-money";
import { FINDING_KIND_LABELS, FINDING_STATUS_LABELS } from "@/lib/shadow-ai/finding-labels";
import type { WeeklyReview } from "@/lib/weekly-review/load-weekly-review";
import { formatChange, formatChangePct, formatSignedUsd } from "@/lib/weekly-review/present-review";

/** A table's CSV: its header and rows, built from the same data the table shows. */
export type CsvTable = { filename: string; header: string[]; rows: CsvCell[][] };

const changeTone = (change: string) => (change.startsWith("-") ? "text-emerald-700" : /^0\.0+$/.test(change) ? "text-slate-600" : "text-red-700");

/** The headline numbers: what the title slide and the summary row show. */
export function ReviewHeadline({ review }: { review: WeeklyReview }) {
  const w = review.workflows;
  const openItems = review.action_items.filter((i) => i.status === "open" || i.status === "in_progress").length;
  const figures = [
    { label: "Spend this week", value: formatUsdTotal(w.total_usd), note: review.week.tense === "future" ? "the week has not started" : `${formatSignedUsd(w.change_usd)} (${formatChangePct(w.change_pct)}) vs ${review.previous_week}${review.previous_partial ? " at this point" : ""}`, testId: "review-total" },
    { label: "Budgets in yellow or red", value: String(review.budgets.length), note: review.budgets_source === "current" ? "levels now" : "alerts raised this week", testId: "review-budgets" },
    { label: "New anomalies", value: String(review.anomalies.length), note: "cost spikes this week", testId: "review-anomalies" },
    { label: "New shadow-AI findings", value: String(review.findings.length), note: "first recorded this week", testId: "review-findings" },
    { label: "Open action items", value: String(openItems), note: `${review.action_items.filter((i) => i.carried_over && i.status !== "done" && i.status !== "dropped").length} carried over`, testId: "review-open-items" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {figures.map((f) => (
        <div key={f.label} className="min-w-0 rounded-md border border-slate-200 bg-slate-50 px-4 py-3">
          <dt className="text-xs text-slate-500">{f.label}</dt>
          <dd data-testid={f.testId} className="mt-1 text-xl font-semibold tabular-nums text-slate-900">
            {f.value}
          </dd>
          <dd className="mt-0.5 text-xs text-slate-500">{f.note}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The CSV of the top workflows. */
export function workflowsCsv(review: WeeklyReview): CsvTable {
  return {
    filename: `review-${review.week.label}-top-workflows.csv`,
    header: ["workflow", "cost_usd", "previous_cost_usd", "change_usd", "change_pct", "new"],
    rows: review.workflows.top.map((w) => [w.workflow, w.cost_usd, w.previous_cost_usd, w.change_usd, w.change_pct, w.is_new]),
  };
}

/** The week's five most expensive workflows with their change from the week before. */
export function TopWorkflowsTable({ review, orgSlug }: { review: WeeklyReview; orgSlug: string }) {
  if (review.workflows.top.length === 0) return <EmptyState title="No workflow spend this week">Calls tagged with a workflow appear here ranked by cost.</EmptyState>;
  const range = `?from=${review.week.start_date}&to=${review.week.last_date}`;
  return (
    <Table label="Top workflows">
      <thead>
        <tr>
          <Th>Workflow</Th>
          <Th numeric>This week</Th>
          <Th numeric>Last week</Th>
          <Th numeric>Change</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {review.workflows.top.map((w) => (
          <tr key={w.workflow}>
            <Td>
              <Link href={`/o/${orgSlug}/workflows/${encodeURIComponent(w.workflow)}${range}`} className="font-medium text-accent-700 hover:underline">
                {w.workflow}
              </Link>
            </Td>
            <Td numeric>{formatUsdTotal(w.cost_usd)}</Td>
            <Td numeric>{w.is_new ? "—" : formatUsdTotal(w.previous_cost_usd)}</Td>
            <Td numeric className={w.is_new ? "" : changeTone(w.change_usd)}>
              {w.is_new ? <Badge tone="accent">New</Badge> : formatChange(w.change_usd, w.change_pct, false)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The CSV of the budgets needing attention. */
export function budgetsCsv(review: WeeklyReview): CsvTable {
  return {
    filename: `review-${review.week.label}-budgets.csv`,
    header: ["budget", "level", "spend_usd", "amount_usd", "reason", "at"],
    rows: review.budgets.map((b) => [b.name, b.level, b.spend_usd, b.amount_usd, b.reason, b.at]),
  };
}

/** Budgets in yellow or red: now for the current week, from the week's alerts for a past one. */
export function BudgetsTable({ review, orgSlug }: { review: WeeklyReview; orgSlug: string }) {
  if (review.budgets.length === 0) return <EmptyState title="No red or yellow budgets this week" />;
  return (
    <Table label="Budgets needing attention">
      <thead>
        <tr>
          <Th>Budget</Th>
          <Th>Level</Th>
          <Th numeric>Spend</Th>
          <Th numeric>Amount</Th>
          <Th>Why</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {review.budgets.map((b) => (
          <tr key={b.budget_id ?? b.name}>
            <Td>
              {b.budget_id ? (
                <Link href={`/o/${orgSlug}/budgets/${b.budget_id}`} className="font-medium text-accent-700 hover:underline">
                  {b.name}
                </Link>
              ) : (
                b.name
              )}
            </Td>
            <Td>
              <LevelLight level={b.level} testId="review-budget-level" />
            </Td>
            <Td numeric>{b.spend_usd ? formatUsdTotal(b.spend_usd) : "—"}</Td>
            <Td numeric>{b.amount_usd ? formatUsdTotal(b.amount_usd) : "—"}</Td>
            <Td wrap className="min-w-56 max-w-md">{b.reason}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The CSV of the week's anomalies. */
export function anomaliesCsv(review: WeeklyReview): CsvTable {
  return {
    filename: `review-${review.week.label}-anomalies.csv`,
    header: ["date", "dimension", "value", "cost_usd", "baseline_median_usd", "excess_usd", "likely_cause", "detail"],
    rows: review.anomalies.map((a) => [a.date, a.dimension, a.value, a.cost_usd, a.baseline_median_usd, a.excess_usd, a.cause_kind, a.cause]),
  };
}

/** Cost spikes on the week's days, largest excess first. */
export function AnomaliesTable({ review }: { review: WeeklyReview }) {
  if (review.anomalies.length === 0) return <EmptyState title="No anomalies this week">Every day of the week is judged per feature and workflow against the 28 days before it.</EmptyState>;
  return (
    <Table label="New anomalies">
      <thead>
        <tr>
          <Th>Day</Th>
          <Th>Feature or workflow</Th>
          <Th numeric>Cost</Th>
          <Th numeric>Typical day</Th>
          <Th>Likely cause</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {review.anomalies.map((a) => (
          <tr key={`${a.dimension}:${a.value}:${a.date}`}>
            <Td>{a.date}</Td>
            <Td>
              <span className="text-xs text-slate-500">{a.dimension}</span> <span className="font-medium text-slate-900">{a.value}</span>
            </Td>
            <Td numeric>{formatUsdTotal(a.cost_usd)}</Td>
            <Td numeric>{formatUsdTotal(a.baseline_median_usd)}</Td>
            <Td wrap className="min-w-56 max-w-md">{a.cause}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The CSV of the week's new findings. */
export function findingsCsv(review: WeeklyReview): CsvTable {
  return {
    filename: `review-${review.week.label}-findings.csv`,
    header: ["id", "kind", "title", "total_usd", "status", "owner", "created_at"],
    rows: review.findings.map((f) => [f.id, f.kind, f.title, f.total_usd, f.status, f.owner, f.created_at]),
  };
}

/** Shadow-AI findings first recorded during the week. */
export function FindingsTable({ review, orgSlug }: { review: WeeklyReview; orgSlug: string }) {
  if (review.findings.length === 0) return <EmptyState title="No new shadow-AI findings this week">Findings appear after expense or vendor-bill imports.</EmptyState>;
  return (
    <Table label="New shadow-AI findings">
      <thead>
        <tr>
          <Th>Finding</Th>
          <Th>Kind</Th>
          <Th numeric>Total</Th>
          <Th>Status</Th>
          <Th>Owner</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {review.findings.map((f) => (
          <tr key={f.id}>
            <Td wrap className="min-w-56 max-w-md">
              <Link href={`/o/${orgSlug}/shadow-ai/findings/${f.id}`} className="font-medium text-accent-700 hover:underline">
                {f.title}
              </Link>
            </Td>
            <Td>{FINDING_KIND_LABELS[f.kind as keyof typeof FINDING_KIND_LABELS] ?? f.kind}</Td>
            <Td numeric>{formatUsdTotal(f.total_usd)}</Td>
            <Td>{FINDING_STATUS_LABELS[f.status as keyof typeof FINDING_STATUS_LABELS] ?? f.status}</Td>
            <Td>{f.owner ?? "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
