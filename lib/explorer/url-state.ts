import { COST_DIMENSIONS, GRANULARITIES, type CostDimension, type Granularity } from "@/lib/costs/schemas";

/**
 * The explorer's view lives in the URL with the API's own parameter names (SPEC 3), so the page
 * passes its search params straight to `GET /api/v1/costs` and a link shares the view.
 * Only the defaults differ: without `group_by` the explorer groups by feature; `group_by=`
 * (empty) means no grouping.
 */
export const DEFAULT_GROUP_BY: CostDimension = "feature";
export const DEFAULT_GRANULARITY: Granularity = "day";
export const VIEW_PARAMS = ["from", "to", "granularity", "group_by", ...COST_DIMENSIONS] as const;

/** The view's search params in a fixed order with the explorer's defaults written out: cache key and API query. */
export function canonicalSearch(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const name of VIEW_PARAMS) {
    const values = params.getAll(name);
    if (name === "group_by" && values.length === 0) out.append(name, DEFAULT_GROUP_BY);
    for (const value of values) out.append(name, value);
  }
  return out;
}

/** Search params from what a Next.js page receives. */
export function searchParamsOf(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(record)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(name, v);
  }
  return out;
}

export type ExplorerView = {
  granularity: Granularity;
  /** The stacked dimension, then an optional second one for the table. */
  groupBy: CostDimension[];
  filters: Partial<Record<CostDimension, string[]>>;
};

const isDimension = (v: string): v is CostDimension => (COST_DIMENSIONS as readonly string[]).includes(v);

/** The controls' reading of the URL; unknown values fall back to defaults (the API reports them). */
export function readView(params: URLSearchParams): ExplorerView {
  const canonical = canonicalSearch(params);
  const granularity = canonical.get("granularity");
  const groupBy = [...new Set(canonical.getAll("group_by").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(isDimension))].slice(0, 2);
  const filters: ExplorerView["filters"] = {};
  for (const dimension of COST_DIMENSIONS) {
    const values = canonical.getAll(dimension).filter((v) => v.trim() !== "");
    if (values.length > 0) filters[dimension] = values;
  }
  return { granularity: (GRANULARITIES as readonly string[]).includes(granularity ?? "") ? (granularity as Granularity) : DEFAULT_GRANULARITY, groupBy, filters };
}

/** The canonical params with one parameter's values replaced (none: removed; group_by none: `group_by=`). */
export function withParam(params: URLSearchParams, name: (typeof VIEW_PARAMS)[number], values: readonly string[]): URLSearchParams {
  const out = canonicalSearch(params);
  out.delete(name);
  if (name === "group_by" && values.length === 0) out.append(name, "");
  for (const value of values) out.append(name, value);
  return canonicalSearch(out);
}

const DAY_MS = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The date inputs' values from the answer's local bounds (`2026-10-05T00:00:00-04:00`): the first
 * day, and the last day the range covers (`to` is exclusive: a midnight `to` ends the day before).
 */
export function rangeInputs(from: string, to: string): { from: string; through: string } {
  const toDay = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  const midnight = /T00:00:00(?:\.0+)?(?:Z|[+-]\d{2}:\d{2})$/.test(to);
  return { from: from.slice(0, 10), through: midnight ? isoDate(toDay - DAY_MS) : to.slice(0, 10) };
}

/** The `to` parameter for an inclusive last day: the next day's local midnight. */
export function toParamFromThrough(through: string): string {
  return isoDate(Date.parse(`${through}T00:00:00Z`) + DAY_MS);
}
