import { localMidnightDaysBefore, type CostDimension, type Granularity } from "./schemas";

/** Roll-up column per API dimension (a whitelist: only these names ever reach the SQL text). */
const COLUMN: Record<CostDimension, string> = {
  feature: '"feature"',
  team: '"team"',
  customer: '"customer"',
  environment: '"environment"',
  workflow: '"workflow"',
  provider: '"provider"',
  model: '"model"',
};

/** One grouped row as the driver answers it: numbers and decimals as text, dimensions as d0, d1, … */
export type CostSqlRow = {
  /** 1 for the grand-total row, 0 for a period row. */
  is_total: number | string;
  period_utc: string | null;
  period_local: string | null;
  period_end_utc: string | null;
  month_start_utc: string | null;
  month_end_utc: string | null;
  events: string;
  input_tokens: string;
  output_tokens: string;
  cached_input_tokens: string;
  reasoning_tokens: string;
  unpriced_events: string;
  cost_usd: string;
} & Record<`d${number}`, string | null>;

/** What to group and filter by; `byMonth` also splits periods at local month starts (FOCUS billing periods). */
export type CostSqlOptions = {
  orgId: string;
  timeZone: string;
  from: Date;
  to: Date;
  granularity: Granularity;
  dimensions: readonly CostDimension[];
  filters: Partial<Record<CostDimension, string[]>>;
  byMonth: boolean;
};

const UTC_TEXT = `'YYYY-MM-DD"T"HH24:MI:SS'`;

/** Local midnight at or after the instant. */
function nextLocalMidnight(instant: Date, timeZone: string): Date {
  const floor = localMidnightDaysBefore(instant, 0, timeZone);
  return floor.getTime() === instant.getTime() ? floor : localMidnightDaysBefore(instant, -1, timeZone);
}

/**
 * One statement over the roll-ups. Days, weeks and months read whole local days from
 * `CostRollupDaily` and only the partial days at the range's edges (e.g. today so far) from
 * `CostRollupHourly`; hours read the hourly table alone. Roll-up hours and days are local, so
 * `date_trunc(granularity, …, zone)` gives the organization's days, Monday weeks and months
 * exactly. GROUPING SETS add the grand total in the same pass, summed as numeric (never floats).
 */
export function buildCostSql(options: CostSqlOptions): { text: string; params: unknown[] } {
  const params: unknown[] = [options.orgId, options.from.toISOString(), options.to.toISOString(), options.granularity, options.timeZone];
  const filters: string[] = [];
  for (const [dimension, values] of Object.entries(options.filters) as [CostDimension, string[]][]) {
    if (!values || values.length === 0) continue;
    params.push(values);
    filters.push(`${COLUMN[dimension]} = ANY($${params.length}::text[])`);
  }
  const dims = options.dimensions.map((d, i) => `${COLUMN[d]} AS d${i}`);
  const dimRefs = options.dimensions.map((_, i) => `d${i}`);
  const keys = ["p", ...(options.byMonth ? ["m"] : []), ...dimRefs];
  const local = (expr: string) => `(${expr}) AT TIME ZONE $5::text`;
  // Interval arithmetic on local wall time, so a day is 23 or 25 hours across a DST change.
  const plus = (expr: string, unit: string) => `((${local(expr)}) + ('1 ' || ${unit})::interval) AT TIME ZONE $5::text`;
  const utcText = (expr: string) => `CASE WHEN grouping(p) = 0 THEN to_char((${expr}) AT TIME ZONE 'UTC', ${UTC_TEXT}) END`;
  const source = (table: string, time: string, range: string) => `
  SELECT date_trunc($4::text, ${time}, $5::text) AS p,
    ${options.byMonth ? `date_trunc('month', ${time}, $5::text) AS m,` : ""}
    ${dims.map((d) => `${d},`).join(" ")}
    "events", "inputTokens", "outputTokens", "cachedInputTokens", "reasoningTokens", "unpricedEvents", "costUsd"
  FROM "${table}"
  WHERE ${[`"orgId" = $1`, range, ...filters].join(" AND ")}`;
  const dayFrom = nextLocalMidnight(options.from, options.timeZone);
  const dayTo = localMidnightDaysBefore(options.to, 0, options.timeZone);
  let sources: string;
  if (options.granularity !== "hour" && dayFrom.getTime() < dayTo.getTime()) {
    params.push(dayFrom.toISOString(), dayTo.toISOString());
    const [a, b] = [`$${params.length - 1}::timestamptz`, `$${params.length}::timestamptz`];
    sources = [
      source("CostRollupDaily", `"day"`, `"day" >= ${a} AND "day" < ${b}`),
      source("CostRollupHourly", `"hour"`, `(("hour" >= $2::timestamptz AND "hour" < ${a}) OR ("hour" >= ${b} AND "hour" < $3::timestamptz))`),
    ].join("\n  UNION ALL");
  } else {
    sources = source("CostRollupHourly", `"hour"`, `"hour" >= $2::timestamptz AND "hour" < $3::timestamptz`);
  }
  const text = `
SELECT grouping(p) AS is_total,
  ${utcText("p")} AS period_utc,
  CASE WHEN grouping(p) = 0 THEN to_char(${local("p")}, ${UTC_TEXT}) END AS period_local,
  ${utcText(plus("p", "$4::text"))} AS period_end_utc,
  ${options.byMonth ? utcText("m") : "NULL::text"} AS month_start_utc,
  ${options.byMonth ? utcText(plus("m", "'month'")) : "NULL::text"} AS month_end_utc,
  ${dimRefs.map((d) => `${d},`).join(" ")}
  coalesce(sum("events"), 0)::text AS events,
  coalesce(sum("inputTokens"), 0)::text AS input_tokens,
  coalesce(sum("outputTokens"), 0)::text AS output_tokens,
  coalesce(sum("cachedInputTokens"), 0)::text AS cached_input_tokens,
  coalesce(sum("reasoningTokens"), 0)::text AS reasoning_tokens,
  coalesce(sum("unpricedEvents"), 0)::text AS unpriced_events,
  coalesce(sum("costUsd"), 0)::numeric(24, 10)::text AS cost_usd
FROM (${sources}
) r
GROUP BY GROUPING SETS ((${keys.join(", ")}), ())
HAVING grouping(p) = 1 OR sum("events") > 0
ORDER BY grouping(p), p, ${options.byMonth ? "m, " : ""}sum("costUsd") DESC${dimRefs.map((d) => `, ${d} COLLATE "C"`).join("")}`;
  return { text, params };
}
