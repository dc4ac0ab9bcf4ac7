import { authorizeOrThrow, type OrgContext } from "@/lib/auth/org-context";
import { AppError } from "@/lib/errors/app-error";
import { queryCosts } from "@/lib/costs/query-costs";
import { parseCostQuery, type CostQuery } from "@/lib/costs/schemas";
import { decomposeCostChange, type CostChangeDecomposition, type ModelSpend } from "./decompose-cost-change";

/** The two periods compared and how the cost moved between them. */
export type CostChangeExplanation = CostChangeDecomposition & {
  period: { from: string; to: string };
  previous: { from: string; to: string };
};

async function spendByModel(ctx: OrgContext, query: CostQuery): Promise<ModelSpend[]> {
  // Monthly rows keep the answer small; the models' totals are summed exactly in the decomposition.
  const result = await queryCosts(ctx, { ...query, granularity: "month", groupBy: ["provider", "model"], format: "json" });
  return result.rows.map((row) => ({ model: `${row.provider}/${row.model}`, tokens: row.input_tokens + row.output_tokens, costUsd: row.cost_usd }));
}

/**
 * Explains the change in cost between a period and the one before it (by default the same
 * length, just before), for the whole organization or the filtered slice (e.g. one feature):
 * volume, model-mix and unit-price effects that add up to the change.
 */
export async function explainCostChange(ctx: OrgContext, params: URLSearchParams, now: Date = new Date()): Promise<CostChangeExplanation> {
  authorizeOrThrow(ctx, "read");
  const current = parseCostQuery(withoutPrevious(params), ctx.timeZone, now);
  const length = current.to.getTime() - current.from.getTime();
  const previousParams = withoutPrevious(params);
  previousParams.set("from", params.get("previous_from") ?? new Date(current.from.getTime() - length).toISOString());
  previousParams.set("to", params.get("previous_to") ?? current.from.toISOString());
  let previous: CostQuery;
  try {
    previous = parseCostQuery(previousParams, ctx.timeZone, now);
  } catch (error) {
    // The previous period's bounds were given as previous_from/previous_to: name those.
    if (error instanceof AppError && error.issues) {
      const issues = error.issues.map((i) => ({ ...i, path: i.path === "from" || i.path === "to" ? `previous_${i.path}` : i.path }));
      throw new AppError("INVALID_INPUT", `Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, { issues });
    }
    throw error;
  }
  const [before, after] = await Promise.all([spendByModel(ctx, previous), spendByModel(ctx, current)]);
  return {
    period: { from: current.from.toISOString(), to: current.to.toISOString() },
    previous: { from: previous.from.toISOString(), to: previous.to.toISOString() },
    ...decomposeCostChange(before, after),
  };
}

function withoutPrevious(params: URLSearchParams): URLSearchParams {
  const copy = new URLSearchParams(params);
  copy.delete("previous_from");
  copy.delete("previous_to");
  copy.delete("granularity");
  copy.delete("group_by");
  copy.delete("format");
  return copy;
}
