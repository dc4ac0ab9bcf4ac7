import { UNTAGGED } from "@/lib/costs/schemas";
import { fromUnits, toUnits } from "@/lib/format/decimal";

/** One workflow's cost in one week (the Monday's local date). */
export type WorkflowWeekCost = { weekStart: string; workflow: string; costUsd: string };

/** A row of the review's top workflows: this week against the last. */
export type WorkflowChange = {
  workflow: string;
  cost_usd: string;
  previous_cost_usd: string;
  change_usd: string;
  /** Change over last week's cost, in percent; null when last week cost nothing (a new workflow). */
  change_pct: number | null;
  /** No cost last week. */
  is_new: boolean;
};

/** The week's totals (every call, workflow or not) and its most expensive workflows. */
export type WorkflowComparison = {
  total_usd: string;
  previous_total_usd: string;
  change_usd: string;
  change_pct: number | null;
  top: WorkflowChange[];
};

const ZERO = BigInt(0);

/** Percent change with one decimal, from exact units; null without a base. */
export function changePct(current: bigint, previous: bigint): number | null {
  if (previous === ZERO) return null;
  // Scaled bigint division keeps cents exact before the one float step.
  return Number(((current - previous) * BigInt(10_000)) / previous) / 100;
}

/**
 * Compares two weeks of per-workflow costs: the `limit` most expensive workflows of the week (ties
 * by name), each with last week's cost and the change. Calls outside any workflow count in the totals
 * but are not a workflow, so they are never in the top list.
 */
export function compareWorkflows(rows: readonly WorkflowWeekCost[], weekStart: string, previousStart: string, limit = 5): WorkflowComparison {
  const current = new Map<string, bigint>();
  const previous = new Map<string, bigint>();
  let total = ZERO;
  let previousTotal = ZERO;
  for (const row of rows) {
    const units = toUnits(row.costUsd);
    if (row.weekStart === weekStart) {
      total += units;
      if (row.workflow !== UNTAGGED && row.workflow !== "") current.set(row.workflow, (current.get(row.workflow) ?? ZERO) + units);
    } else if (row.weekStart === previousStart) {
      previousTotal += units;
      if (row.workflow !== UNTAGGED && row.workflow !== "") previous.set(row.workflow, (previous.get(row.workflow) ?? ZERO) + units);
    }
  }
  const top = [...current.entries()]
    .sort(([a, x], [b, y]) => (x === y ? a.localeCompare(b) : x > y ? -1 : 1))
    .slice(0, limit)
    .map(([workflow, cost]) => {
      const before = previous.get(workflow) ?? ZERO;
      return {
        workflow,
        cost_usd: fromUnits(cost),
        previous_cost_usd: fromUnits(before),
        change_usd: fromUnits(cost - before),
        change_pct: changePct(cost, before),
        is_new: before === ZERO,
      };
    });
  return {
    total_usd: fromUnits(total),
    previous_total_usd: fromUnits(previousTotal),
    change_usd: fromUnits(total - previousTotal),
    change_pct: changePct(total, previousTotal),
    top,
  };
}
