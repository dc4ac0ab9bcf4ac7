import { z } from "zod";
import { OUTCOMES } from "@/lib/outcomes/schemas";

/** Outcome filter values: a recorded outcome, or `none` for runs without one. */
export const OUTCOME_FILTERS = [...OUTCOMES, "none"] as const;
/** Run list orders; every one is descending, ties broken by run id ascending. */
export const RUN_SORTS = ["cost", "started_at", "steps"] as const;
export type RunSort = (typeof RUN_SORTS)[number];

export const MAX_RUNS_PER_PAGE = 500;
export const DEFAULT_RUNS_PER_PAGE = 50;
export const DEFAULT_RANGE_DAYS = 30;

const isoDateTime = z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time with a zone, e.g. 2026-10-01T00:00:00Z" });
const attribution = z.string().min(1, "must not be empty").max(200, "must be at most 200 characters");

/** A time range on runs' start (`to` exclusive); `from` must be before `to`. */
export const runRangeSchema = z
  .object({ from: isoDateTime.optional(), to: isoDateTime.optional() })
  .refine((r) => !r.from || !r.to || new Date(r.from) < new Date(r.to), { path: ["to"], message: "must be after from" });

/** Query parameters of `GET /api/v1/runs` (SPEC 3 and 4). */
export const listRunsQuerySchema = z
  .object({
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
    workflow: attribution.optional(),
    feature: attribution.optional(),
    outcome: z.enum(OUTCOME_FILTERS, { error: `must be one of ${OUTCOME_FILTERS.join(", ")}` }).optional(),
    sort: z.enum(RUN_SORTS, { error: `must be one of ${RUN_SORTS.join(", ")}` }).default("cost"),
    limit: z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(MAX_RUNS_PER_PAGE, `must be at most ${MAX_RUNS_PER_PAGE}`)
      .default(DEFAULT_RUNS_PER_PAGE),
    cursor: z.string().min(1, "must not be empty").max(1000, "is too long").optional(),
  })
  .refine((r) => !r.from || !r.to || new Date(r.from) < new Date(r.to), { path: ["to"], message: "must be after from" });
export type ListRunsQuery = z.input<typeof listRunsQuerySchema>;

/** Query parameters of the workflow summary (`GET /api/v1/runs?summary=workflows`). */
export const summarizeWorkflowsQuerySchema = runRangeSchema;
export type SummarizeWorkflowsQuery = z.input<typeof summarizeWorkflowsQuerySchema>;

/** A run id as it appears in a URL. */
export const runIdSchema = z.string().min(1, "is required").max(200, "must be at most 200 characters");

/** One run in the list (snake_case, as the API answers). */
export type RunListItem = {
  run_id: string;
  workflow: string | null;
  feature: string | null;
  started_at: string;
  ended_at: string | null;
  duration_ms: number | null;
  steps: number;
  errors: number;
  cost_usd: string;
  input_tokens: number;
  output_tokens: number;
  outcome: string | null;
  outcome_value_usd: string | null;
};
