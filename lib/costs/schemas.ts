import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { parseOrThrow } from "@/lib/errors/zod-issues";
import { instantOfWallTime, wallTimeAt, type WallTime } from "./zoned-time";

/** The fields costs group and filter by (SPEC 3), as the API names them. */
export const COST_DIMENSIONS = ["feature", "team", "customer", "environment", "workflow", "provider", "model"] as const;
export type CostDimension = (typeof COST_DIMENSIONS)[number];

export const GRANULARITIES = ["hour", "day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const COST_FORMATS = ["json", "csv", "focus"] as const;
export type CostFormat = (typeof COST_FORMATS)[number];

/** How a missing attribution value reads in answers and filters; stored as ''. */
export const UNTAGGED = "(untagged)";

/** The longest range per granularity, in days: enough for any chart, small enough to answer quickly. */
export const MAX_RANGE_DAYS: Record<Granularity, number> = { hour: 31, day: 732, week: 1830, month: 3660 };

/** The default range: this many local days, ending with the day that holds `to`. */
export const DEFAULT_RANGE_DAYS = 30;

const MAX_FILTER_VALUES = 100;
const DAY_MS = 86_400_000;

const BOUND = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const BOUND_MESSAGE = "must be an ISO date (2026-10-01) or date-time (2026-10-01T09:00:00Z)";

const list = (values: readonly string[]) => values.join(", ");

// Every query parameter arrives as the list of its values; a scalar one may be given once.
function once<T extends z.ZodType<unknown, string | undefined>>(inner: T) {
  return z
    .array(z.string())
    .max(1, "must be given once")
    .optional()
    .transform((values): string | undefined => values?.[0])
    .pipe(inner);
}

// Issues name the parameter itself (`feature`), not the position of the value (`feature.0`).
const filterValues = z
  .array(z.string())
  .transform((values, ctx) => {
    const trimmed = values.map((v) => v.trim());
    const problem = trimmed.some((v) => v === "")
      ? `must not be empty; use ${UNTAGGED} for a missing value`
      : trimmed.some((v) => v.length > 200)
        ? "must be at most 200 characters"
        : trimmed.length > MAX_FILTER_VALUES
          ? `must have at most ${MAX_FILTER_VALUES} values`
          : null;
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return [...new Set(trimmed.map((v) => (v === UNTAGGED ? "" : v)))];
  })
  .optional();

/** `GET /api/v1/costs` parameters, each as the list of its values (see `costQueryInput`). */
export const costQuerySchema = z.object({
  from: once(z.string().regex(BOUND, BOUND_MESSAGE).optional()),
  to: once(z.string().regex(BOUND, BOUND_MESSAGE).optional()),
  granularity: once(z.enum(GRANULARITIES, { error: `must be one of ${list(GRANULARITIES)}` }).default("day")),
  format: once(z.enum(COST_FORMATS, { error: `must be one of ${list(COST_FORMATS)}` }).default("json")),
  group_by: z
    .array(z.string())
    .default([])
    .transform((values, ctx) => {
      const names = values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
      const unknown = names.filter((n) => !(COST_DIMENSIONS as readonly string[]).includes(n));
      if (unknown.length > 0) {
        ctx.addIssue({ code: "custom", message: `unknown ${unknown.map((u) => `'${u}'`).join(", ")}; use any of ${list(COST_DIMENSIONS)}` });
        return z.NEVER;
      }
      return [...new Set(names)] as CostDimension[];
    }),
  feature: filterValues,
  team: filterValues,
  customer: filterValues,
  environment: filterValues,
  workflow: filterValues,
  provider: filterValues,
  model: filterValues,
});
export type CostQueryInput = z.input<typeof costQuerySchema>;

/** A costs query ready to run: instants resolved in the organization's time zone. */
export type CostQuery = {
  from: Date;
  /** Exclusive. */
  to: Date;
  granularity: Granularity;
  groupBy: CostDimension[];
  /** Values to keep per dimension; '' is the missing value. */
  filters: Partial<Record<CostDimension, string[]>>;
  format: CostFormat;
};

/** The query parameters as the schema reads them: every known parameter with the list of its values. */
export function costQueryInput(params: URLSearchParams): Record<string, string[]> {
  const input: Record<string, string[]> = {};
  for (const name of ["from", "to", "granularity", "format", "group_by", ...COST_DIMENSIONS]) {
    const values = params.getAll(name);
    if (values.length > 0) input[name] = values;
  }
  return input;
}

/**
 * Reads a range bound: a date is midnight in the time zone, a date-time without an offset is
 * local wall time there, one with `Z` or an offset is that instant. Null when it names no real time.
 */
export function parseRangeBound(text: string, timeZone: string): Date | null {
  const match = BOUND.exec(text);
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", zone] = match;
  const wall: WallTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
    millisecond: Number(fraction.slice(0, 3).padEnd(3, "0")),
  };
  // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
  const check = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
  if (check.getUTCMonth() !== wall.month - 1 || check.getUTCDate() !== wall.day || check.getUTCHours() !== wall.hour || check.getUTCMinutes() !== wall.minute || wall.second > 59) return null;
  if (!zone) return instantOfWallTime(wall, timeZone);
  const offset = zone.toUpperCase() === "Z" ? "Z" : zone.replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const iso = `${y}-${mo}-${d}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}.${pad(wall.millisecond, 3)}${offset}`;
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** Local midnight, `days` days before the local day that holds this instant. */
export function localMidnightDaysBefore(instant: Date, days: number, timeZone: string): Date {
  const wall = wallTimeAt(instant, timeZone);
  const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day) - days * DAY_MS);
  return instantOfWallTime({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

function invalid(path: string, message: string): AppError {
  return new AppError("INVALID_INPUT", `Invalid input: ${path}: ${message}`, { issues: [{ path, message }] });
}

/**
 * Parses and checks `GET /api/v1/costs` parameters in the organization's time zone: field-level
 * INVALID_INPUT for a bad parameter, an empty or reversed range, or one too long for its granularity.
 */
export function parseCostQuery(params: URLSearchParams, timeZone: string, now: Date = new Date()): CostQuery {
  const input = parseOrThrow(costQuerySchema, costQueryInput(params));
  const to = input.to === undefined ? now : parseRangeBound(input.to, timeZone);
  if (!to) throw invalid("to", "is not a real date or time");
  // The default range ends with the day that holds the last instant before `to`.
  const from = input.from === undefined ? localMidnightDaysBefore(new Date(to.getTime() - 1), DEFAULT_RANGE_DAYS - 1, timeZone) : parseRangeBound(input.from, timeZone);
  if (!from) throw invalid("from", "is not a real date or time");
  if (from.getTime() >= to.getTime()) throw invalid("to", "must be after from (to is exclusive)");
  const maxDays = MAX_RANGE_DAYS[input.granularity];
  if (to.getTime() - from.getTime() > maxDays * DAY_MS) {
    throw invalid("to", `the range is longer than ${maxDays} days, the most for granularity=${input.granularity}; use a coarser granularity or a shorter range`);
  }
  const filters: CostQuery["filters"] = {};
  for (const dimension of COST_DIMENSIONS) {
    const values = input[dimension];
    if (values && values.length > 0) filters[dimension] = values;
  }
  return { from, to, granularity: input.granularity, groupBy: input.group_by, filters, format: input.format };
}
