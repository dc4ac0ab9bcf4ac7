import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { queryRaw } from "@/lib/db";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { fromUnits, toUnits } from "./decimal-units";
import { resolveRange } from "./resolve-range";
import { decodeRunCursor, encodeRunCursor } from "./run-cursor";
import { listRunsQuerySchema, type ListRunsQuery, type RunListItem, type RunSort } from "./schemas";

// Each sort is one column, descending, with the run id ascending as the tie-breaker, so the
// order is total and a keyset cursor (last key + last run id) never skips or repeats a run.
const SORT_COLUMNS: Record<RunSort, { column: string; cast: string }> = {
  cost: { column: `"costUsd"`, cast: "numeric" },
  started_at: { column: `"startedAt"`, cast: "timestamptz" },
  steps: { column: `"steps"`, cast: "int" },
};

type RunRow = {
  runId: string;
  workflow: string | null;
  feature: string | null;
  startedAt: Date;
  endedAt: Date | null;
  steps: number;
  errors: number;
  cost: string;
  inputTokens: string;
  outputTokens: string;
  outcome: string | null;
  outcomeValue: string | null;
};

/** Normalizes a stored decimal ("0.5000000000") to its shortest exact form ("0.5"). */
export function normalizeUsd(value: string): string;
export function normalizeUsd(value: string | null): string | null;
export function normalizeUsd(value: string | null): string | null {
  return value === null ? null : fromUnits(toUnits(value));
}

/** The organization's runs started in [from, to), filtered, in the chosen order, one page at a time. */
export async function listRuns(ctx: OrgContext, query: ListRunsQuery, now: Date = new Date()): Promise<{ runs: RunListItem[]; next_cursor: string | null }> {
  authorizeOrThrow(ctx, "read");
  const q = parseOrThrow(listRunsQuerySchema, query);
  const { from, to } = resolveRange(q, now);
  const sort = SORT_COLUMNS[q.sort];
  const params: unknown[] = [ctx.orgId, from.toISOString(), to.toISOString()];
  const where = [`"orgId" = $1`, `"startedAt" >= $2`, `"startedAt" < $3`];
  const bind = (value: unknown) => `$${params.push(value)}`;
  if (q.workflow !== undefined) where.push(`"workflow" = ${bind(q.workflow)}`);
  if (q.feature !== undefined) where.push(`"feature" = ${bind(q.feature)}`);
  if (q.outcome === "none") where.push(`"outcome" IS NULL`);
  else if (q.outcome !== undefined) where.push(`"outcome" = ${bind(q.outcome)}`);
  if (q.cursor !== undefined) {
    const cursor = decodeRunCursor(q.cursor, q.sort);
    const key = `${bind(cursor.key)}::${sort.cast}`;
    const runId = bind(cursor.runId);
    where.push(`(${sort.column} < ${key} OR (${sort.column} = ${key} AND "runId" > ${runId}))`);
  }
  const limit = bind(q.limit + 1);
  const rows = await queryRaw<RunRow>(
    `SELECT "runId", "workflow", "feature", "startedAt", "endedAt", "steps", "errors", "costUsd"::text AS "cost",
       "inputTokens"::text AS "inputTokens", "outputTokens"::text AS "outputTokens", "outcome", "outcomeValueUsd"::text AS "outcomeValue"
     FROM "Run" WHERE ${where.join(" AND ")}
     ORDER BY ${sort.column} DESC, "runId" ASC LIMIT ${limit}`,
    params,
  );
  const page = rows.slice(0, q.limit).map(toRunListItem);
  const last = page.at(-1);
  const next_cursor =
    rows.length > q.limit && last
      ? encodeRunCursor({ sort: q.sort, runId: last.run_id, key: q.sort === "cost" ? last.cost_usd : q.sort === "steps" ? String(last.steps) : last.started_at })
      : null;
  return { runs: page, next_cursor };
}

function toRunListItem(row: RunRow): RunListItem {
  const startedAt = new Date(row.startedAt);
  const endedAt = row.endedAt === null ? null : new Date(row.endedAt);
  return {
    run_id: row.runId,
    workflow: row.workflow,
    feature: row.feature,
    started_at: startedAt.toISOString(),
    ended_at: endedAt?.toISOString() ?? null,
    duration_ms: endedAt ? endedAt.getTime() - startedAt.getTime() : null,
    steps: Number(row.steps),
    errors: Number(row.errors),
    cost_usd: normalizeUsd(row.cost),
    input_tokens: Number(row.inputTokens),
    output_tokens: Number(row.outputTokens),
    outcome: row.outcome,
    outcome_value_usd: normalizeUsd(row.outcomeValue),
  };
}
