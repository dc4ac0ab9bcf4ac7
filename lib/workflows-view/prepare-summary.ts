import { formatUsdTotal, formatUsdUnit } from "@/lib/format/format-money";
import type { CsvCell } from "@/lib/csv/to-csv";
import type { WorkflowSummary } from "@/lib/runs/summarize-workflows";
import { prepareHistogram, type HistogramBar } from "./prepare-histogram";

/** One row of the workflow summary table, every figure already formatted. */
export type WorkflowSummaryRow = {
  key: string;
  name: string;
  /** The workflow's own name for its page link; null for runs without a workflow (no page). */
  workflow: string | null;
  runs: string;
  total: string;
  p50: string;
  p95: string;
  max: string;
  avgSteps: string;
  successRate: string;
  costPerSuccess: string;
  histogram: HistogramBar[];
};

export const NO_WORKFLOW_LABEL = "(no workflow)";
const count = new Intl.NumberFormat("en-US");
const steps = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

/** The summary table's rows, in the API's order (total cost, dearest first). */
export function prepareSummaryRows(workflows: readonly WorkflowSummary[]): WorkflowSummaryRow[] {
  return workflows.map((w) => ({
    key: w.workflow ?? "\u0000none",
    name: w.workflow ?? NO_WORKFLOW_LABEL,
    workflow: w.workflow,
    runs: count.format(w.runs),
    total: formatUsdTotal(w.cost_usd),
    p50: formatUsdUnit(w.cost_per_run.p50_usd),
    p95: formatUsdUnit(w.cost_per_run.p95_usd),
    max: formatUsdUnit(w.cost_per_run.max_usd),
    avgSteps: steps.format(w.steps_per_run.avg),
    successRate: w.success_rate === null ? "no outcomes" : percent.format(w.success_rate),
    costPerSuccess: w.cost_per_successful_outcome_usd === null ? "–" : formatUsdUnit(w.cost_per_successful_outcome_usd),
    histogram: prepareHistogram(w.cost_histogram),
  }));
}

export const SUMMARY_CSV_HEADER = [
  "workflow", "runs", "cost_usd", "p50_usd", "p95_usd", "max_usd", "avg_steps", "success", "failure", "abandoned", "no_outcome", "success_rate", "cost_per_successful_outcome_usd",
];

/** The summary as CSV cells: exact decimals, not display strings. */
export function summaryCsvRows(workflows: readonly WorkflowSummary[]): CsvCell[][] {
  return workflows.map((w) => [
    w.workflow, w.runs, w.cost_usd, w.cost_per_run.p50_usd, w.cost_per_run.p95_usd, w.cost_per_run.max_usd, w.steps_per_run.avg,
    w.outcomes.success, w.outcomes.failure, w.outcomes.abandoned, w.outcomes.none, w.success_rate, w.cost_per_successful_outcome_usd,
  ]);
}
