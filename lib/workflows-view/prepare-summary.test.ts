import { describe, expect, it } from "vitest";
import type { WorkflowSummary } from "@/lib/runs/summarize-workflows";
import { NO_WORKFLOW_LABEL, prepareSummaryRows, summaryCsvRows } from "./prepare-summary";

const summary = (over: Partial<WorkflowSummary>): WorkflowSummary => ({
  workflow: "triage",
  runs: 1200,
  cost_usd: "1234.5",
  cost_per_run: { p50_usd: "0.000412", p95_usd: "0.25", max_usd: "1.5", min_usd: "0.0001" },
  steps_per_run: { avg: 3.25, max: 9 },
  errors: 0,
  outcomes: { success: 3, failure: 1, abandoned: 0, none: 1196 },
  success_rate: 0.75,
  cost_per_successful_outcome_usd: "411.5",
  cost_histogram: [{ lower_usd: "0.0001", upper_usd: "1.5", runs: 1200 }],
  ...over,
});

describe("prepareSummaryRows", () => {
  it("formats totals, per-run costs, steps and the success rate", () => {
    const [row] = prepareSummaryRows([summary({})]);
    expect(row).toMatchObject({ name: "triage", workflow: "triage", runs: "1,200", total: "$1,235", p50: "$0.000412", p95: "$0.25", max: "$1.50", avgSteps: "3.3", successRate: "75%", costPerSuccess: "$411.50" });
    expect(row.histogram).toHaveLength(1);
  });

  it("says when there are no outcomes and names runs without a workflow", () => {
    const [row] = prepareSummaryRows([summary({ workflow: null, success_rate: null, cost_per_successful_outcome_usd: null })]);
    expect(row).toMatchObject({ name: NO_WORKFLOW_LABEL, workflow: null, successRate: "no outcomes", costPerSuccess: "–" });
  });

  it("exports exact decimals, not display strings", () => {
    expect(summaryCsvRows([summary({})])[0]).toEqual(["triage", 1200, "1234.5", "0.000412", "0.25", "1.5", 3.25, 3, 1, 0, 1196, 0.75, "411.5"]);
  });
});
