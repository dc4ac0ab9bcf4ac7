import "server-only";
import type { OrgContext } from "@/lib/auth/org-context";
import { queryRaw } from "@/lib/db";
import { buildCostSql, type CostSqlRow } from "./cost-rollup-sql";
import { periodWithOffset } from "./period";
import { UNTAGGED, type CostDimension, type CostQuery, type Granularity } from "./schemas";
import { formatInstantInZone } from "./zoned-time";

/** The measures every row and the total carry; `cost_usd` is an exact decimal string. */
export type CostMeasures = {
  cost_usd: string;
  events: number;
  input_tokens: number;
  output_tokens: number;
  cached_input_tokens: number;
  reasoning_tokens: number;
  unpriced_events: number;
};

/** One period × dimension values row; a dimension's missing value reads `(untagged)`. */
export type CostRow = { period: string } & Partial<Record<CostDimension, string>> & CostMeasures;

/** SPEC 3's `GET /api/v1/costs` JSON answer. */
export type CostsResult = {
  from: string;
  to: string;
  granularity: Granularity;
  group_by: CostDimension[];
  currency: "USD";
  total: CostMeasures;
  rows: CostRow[];
};

/** A row's measures from the driver's text. */
export function measuresOf(row: CostSqlRow): CostMeasures {
  return {
    cost_usd: row.cost_usd,
    events: Number(row.events),
    input_tokens: Number(row.input_tokens),
    output_tokens: Number(row.output_tokens),
    cached_input_tokens: Number(row.cached_input_tokens),
    reasoning_tokens: Number(row.reasoning_tokens),
    unpriced_events: Number(row.unpriced_events),
  };
}

/** A stored dimension value as answers show it. */
export function dimensionLabel(value: string | null): string {
  return value === null || value === "" ? UNTAGGED : value;
}

/** Runs the roll-up statement and splits its answer into the total and the period rows. */
export async function selectCostRows(
  ctx: OrgContext,
  query: CostQuery,
  dimensions: readonly CostDimension[],
  byMonth: boolean,
): Promise<{ total: CostSqlRow | null; rows: CostSqlRow[] }> {
  const { text, params } = buildCostSql({
    orgId: ctx.orgId,
    timeZone: ctx.timeZone,
    from: query.from,
    to: query.to,
    granularity: query.granularity,
    dimensions,
    filters: query.filters,
    byMonth,
  });
  const all = await queryRaw<CostSqlRow>(text, params);
  return { total: all.find((r) => Number(r.is_total) === 1) ?? null, rows: all.filter((r) => Number(r.is_total) === 0) };
}

const ZERO: CostMeasures = { cost_usd: "0.0000000000", events: 0, input_tokens: 0, output_tokens: 0, cached_input_tokens: 0, reasoning_tokens: 0, unpriced_events: 0 };

/**
 * Costs of the organization per period (in its time zone) and per the requested dimensions,
 * read from the hourly roll-ups only, with an exact total. Periods without usage are absent.
 */
export async function queryCosts(ctx: OrgContext, query: CostQuery): Promise<CostsResult> {
  const { total, rows } = await selectCostRows(ctx, query, query.groupBy, false);
  return {
    from: formatInstantInZone(query.from, ctx.timeZone),
    to: formatInstantInZone(query.to, ctx.timeZone),
    granularity: query.granularity,
    group_by: query.groupBy,
    currency: "USD",
    total: total ? measuresOf(total) : { ...ZERO },
    rows: rows.map((row) => {
      const out: Record<string, string | number> = { period: periodWithOffset(row.period_utc!, row.period_local!) };
      query.groupBy.forEach((dimension, i) => {
        out[dimension] = dimensionLabel(row[`d${i}`]);
      });
      return { ...out, ...measuresOf(row) } as CostRow;
    }),
  };
}
