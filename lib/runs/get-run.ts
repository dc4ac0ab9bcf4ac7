import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { queryRaw } from "@/lib/db";
import { foundOrThrow } from "@/lib/errors/app-error";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { toUnits } from "./decimal-units";
import { normalizeUsd } from "./list-runs";
import { runIdSchema, type RunListItem } from "./schemas";

/** One call of a run, as the waterfall shows it. */
export type RunStep = {
  id: string;
  timestamp: string;
  /** Milliseconds from the run's first call. */
  offset_ms: number;
  latency_ms: number | null;
  provider: string;
  model: string;
  operation: string;
  step: string | null;
  status: string;
  input_tokens: number;
  output_tokens: number;
  cached_input_tokens: number;
  cache_write_tokens: number;
  reasoning_tokens: number;
  cost_usd: string;
  cost_source: string;
  feature: string | null;
  tags: Record<string, string> | null;
};

/** A run with its calls in order (SPEC 4, the run page). */
export type RunDetail = Omit<RunListItem, "started_at"> & {
  /** Null for a run that has an outcome but no events yet. */
  started_at: string | null;
  outcome_at: string | null;
  most_expensive_call_id: string | null;
  calls: RunStep[];
};

// One statement, one round trip: the run by its primary key, joined to its events through the
// ("orgId", "runId") index. A run with no events yet (an outcome came first) still answers one
// row, with the event columns null. Exported for the test that checks its plan.
export const GET_RUN_SQL = `
SELECT r."runId", r."workflow", r."feature" AS "runFeature", r."startedAt", r."endedAt", r."steps", r."errors",
  r."costUsd"::text AS "runCost", r."inputTokens"::text AS "runInput", r."outputTokens"::text AS "runOutput",
  r."outcome", r."outcomeValueUsd"::text AS "outcomeValue", r."outcomeAt",
  e."id", e."timestamp", e."latencyMs", e."provider", e."model", e."operation", e."step", e."status",
  e."inputTokens"::text AS "inputTokens", e."outputTokens"::text AS "outputTokens", e."cachedInputTokens"::text AS "cachedInputTokens",
  e."cacheWriteTokens"::text AS "cacheWriteTokens", e."reasoningTokens"::text AS "reasoningTokens",
  e."costUsd"::text AS "cost", e."costSource", e."feature", e."tags"
FROM "Run" r
LEFT JOIN "Event" e ON e."orgId" = r."orgId" AND e."runId" = r."runId"
WHERE r."orgId" = $1 AND r."runId" = $2
ORDER BY e."timestamp" ASC, e."id" ASC`;

type Row = {
  runId: string;
  workflow: string | null;
  runFeature: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  steps: number;
  errors: number;
  runCost: string;
  runInput: string;
  runOutput: string;
  outcome: string | null;
  outcomeValue: string | null;
  outcomeAt: Date | null;
  id: string | null;
  timestamp: Date;
  latencyMs: number | null;
  provider: string;
  model: string;
  operation: string;
  step: string | null;
  status: string;
  inputTokens: string;
  outputTokens: string;
  cachedInputTokens: string;
  cacheWriteTokens: string;
  reasoningTokens: string;
  cost: string;
  costSource: string;
  feature: string | null;
  tags: Record<string, string> | string | null;
};

const iso = (value: Date | null) => (value === null ? null : new Date(value).toISOString());

/** A run of the organization with every call, ordered by timestamp then id; NOT_FOUND otherwise. */
export async function getRunOrThrow(ctx: OrgContext, runId: string): Promise<RunDetail> {
  authorizeOrThrow(ctx, "read");
  const id = parseOrThrow(runIdSchema, runId);
  const rows = await queryRaw<Row>(GET_RUN_SQL, [ctx.orgId, id]);
  const run = foundOrThrow(rows[0], "Run");
  const startMs = run.startedAt === null ? null : new Date(run.startedAt).getTime();
  const calls = rows.filter((row) => row.id !== null).map((row): RunStep => {
    const timestamp = new Date(row.timestamp);
    return {
      id: row.id as string,
      timestamp: timestamp.toISOString(),
      offset_ms: timestamp.getTime() - (startMs ?? timestamp.getTime()),
      latency_ms: row.latencyMs,
      provider: row.provider,
      model: row.model,
      operation: row.operation,
      step: row.step,
      status: row.status,
      input_tokens: Number(row.inputTokens),
      output_tokens: Number(row.outputTokens),
      cached_input_tokens: Number(row.cachedInputTokens),
      cache_write_tokens: Number(row.cacheWriteTokens),
      reasoning_tokens: Number(row.reasoningTokens),
      cost_usd: normalizeUsd(row.cost),
      cost_source: row.costSource,
      feature: row.feature,
      tags: typeof row.tags === "string" ? (JSON.parse(row.tags) as Record<string, string>) : row.tags,
    };
  });
  const endMs = run.endedAt === null ? null : new Date(run.endedAt).getTime();
  return {
    run_id: run.runId,
    workflow: run.workflow,
    feature: run.runFeature,
    started_at: iso(run.startedAt),
    ended_at: iso(run.endedAt),
    duration_ms: startMs !== null && endMs !== null ? endMs - startMs : null,
    steps: Number(run.steps),
    errors: Number(run.errors),
    cost_usd: normalizeUsd(run.runCost),
    input_tokens: Number(run.runInput),
    output_tokens: Number(run.runOutput),
    outcome: run.outcome,
    outcome_value_usd: normalizeUsd(run.outcomeValue),
    outcome_at: iso(run.outcomeAt),
    most_expensive_call_id: mostExpensiveCallId(calls),
    calls,
  };
}

/** The dearest call (the first in run order on a tie); null for a run without calls. */
export function mostExpensiveCallId(calls: readonly Pick<RunStep, "id" | "cost_usd">[]): string | null {
  let best: { id: string; units: bigint } | null = null;
  for (const call of calls) {
    const units = toUnits(call.cost_usd);
    if (best === null || units > best.units) best = { id: call.id, units };
  }
  return best?.id ?? null;
}

