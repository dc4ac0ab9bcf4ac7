import "server-only";
import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { queryRaw } from "@/lib/db";
import { div, exact, mul, toDecimal } from "./exact";
import type { ScopedMixRow } from "./scope-mix";

/** One workflow's runs in the window: what the pricing tool starts from. */
export type WorkflowOutcomes = {
  workflow: string;
  runs: number;
  cost_usd: string;
  /** cost ÷ runs, every run counted as an attempt. */
  cost_per_run_usd: string;
  successes: number;
  runs_with_outcome: number;
  /** successes ÷ runs with an outcome, percent with 2 places; null when no run has an outcome. */
  success_rate_pct: string | null;
};

/** The organization's real usage in a window: the token mix per feature × workflow × model, and per workflow its runs. */
export type TokenMix = { from: string; to: string; window_days: number; rows: ScopedMixRow[]; workflows: WorkflowOutcomes[] };

const DAY_MS = 24 * 60 * 60 * 1000;
/** The window the what-if tools read by default: the last 30 days. */
export const DEFAULT_WINDOW_DAYS = 30;

// The hourly roll-ups, so the window's edges are exact to the hour whatever the org's time zone.
const MIX_SQL = `
SELECT "feature", "workflow", "provider", "model",
  sum("events")::text AS "calls", sum("inputTokens")::text AS "input", sum("cachedInputTokens")::text AS "cached",
  sum("cacheWriteTokens")::text AS "cacheWrite", sum("outputTokens")::text AS "output", sum("reasoningTokens")::text AS "reasoning",
  sum("unpricedEvents")::text AS "unpriced", sum("costUsd")::text AS "cost"
FROM "CostRollupHourly"
WHERE "orgId" = $1 AND "hour" >= $2 AND "hour" < $3
GROUP BY "feature", "workflow", "provider", "model"
ORDER BY sum("costUsd") DESC, "feature", "workflow", "provider", "model"`;

const WORKFLOW_SQL = `
SELECT "workflow", count(*)::int AS "runs", sum("costUsd")::text AS "cost",
  count(*) FILTER (WHERE "outcome" = 'success')::int AS "successes",
  count(*) FILTER (WHERE "outcome" IS NOT NULL)::int AS "withOutcome"
FROM "Run"
WHERE "orgId" = $1 AND "startedAt" >= $2 AND "startedAt" < $3 AND "workflow" IS NOT NULL
GROUP BY "workflow"
ORDER BY sum("costUsd") DESC, "workflow"`;

type MixSqlRow = Record<"feature" | "workflow" | "provider" | "model" | "calls" | "input" | "cached" | "cacheWrite" | "output" | "reasoning" | "unpriced" | "cost", string>;
type WorkflowSqlRow = { workflow: string; runs: number; cost: string; successes: number; withOutcome: number };

/** The org's token mix and workflow outcomes in [from, to) (default: the 30 days before now), from the roll-ups and runs. */
export async function loadTokenMix(ctx: OrgContext, range?: { from: Date; to: Date }, now: Date = new Date()): Promise<TokenMix> {
  authorizeOrThrow(ctx, "read");
  const to = range?.to ?? now;
  const from = range?.from ?? new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  const params = [ctx.orgId, from.toISOString(), to.toISOString()];
  const [mixRows, workflowRows] = await Promise.all([queryRaw<MixSqlRow>(MIX_SQL, params), queryRaw<WorkflowSqlRow>(WORKFLOW_SQL, params)]);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    window_days: (to.getTime() - from.getTime()) / DAY_MS,
    rows: mixRows.map((row) => ({
      feature: row.feature,
      workflow: row.workflow,
      provider: row.provider,
      model: row.model,
      calls: Number(row.calls),
      inputTokens: Number(row.input),
      cachedInputTokens: Number(row.cached),
      cacheWriteTokens: Number(row.cacheWrite),
      outputTokens: Number(row.output),
      reasoningTokens: Number(row.reasoning),
      unpricedCalls: Number(row.unpriced),
      costUsd: toDecimal(exact(row.cost)),
    })),
    workflows: workflowRows.map((row) => ({
      workflow: row.workflow,
      runs: row.runs,
      cost_usd: toDecimal(exact(row.cost)),
      cost_per_run_usd: toDecimal(div(exact(row.cost), exact(row.runs))),
      successes: row.successes,
      runs_with_outcome: row.withOutcome,
      success_rate_pct: row.withOutcome === 0 ? null : toDecimal(mul(div(exact(row.successes), exact(row.withOutcome)), exact(100)), 2),
    })),
  };
}
