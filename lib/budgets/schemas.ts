import { z } from "zod";
import { webhookUrlProblem } from "@/lib/alerts/webhook-address";
import { UNTAGGED } from "@/lib/costs/schemas";

/** What a budget can be scoped to (SPEC 3): the whole organization, or one value of a dimension. */
export const SCOPE_DIMENSIONS = ["org", "feature", "team", "customer", "workflow", "provider", "model"] as const;
export type ScopeDimension = (typeof SCOPE_DIMENSIONS)[number];

export const BUDGET_PERIODS = ["day", "week", "month", "quarter"] as const;
export type BudgetPeriodKind = (typeof BUDGET_PERIODS)[number];

export const BUDGET_LEVELS = ["green", "yellow", "red"] as const;
export type BudgetLevel = (typeof BUDGET_LEVELS)[number];

export const MAX_CHANNELS = 10;

const name = z.string({ error: "is required" }).trim().min(1, "is required").max(120, "must be at most 120 characters");

const scope = z
  .object(
    {
      dimension: z.enum(SCOPE_DIMENSIONS, { error: `must be one of ${SCOPE_DIMENSIONS.join(", ")}` }),
      value: z.string({ error: "must be a string" }).trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
    },
    { error: "must be an object like { dimension, value }" },
  )
  .superRefine((s, ctx) => {
    if (s.dimension === "org" && s.value !== undefined) ctx.addIssue({ code: "custom", path: ["value"], message: "must be absent when the scope is the whole organization" });
    if (s.dimension !== "org" && s.value === undefined) ctx.addIssue({ code: "custom", path: ["value"], message: `is required for a ${s.dimension} budget` });
  });

const period = z.enum(BUDGET_PERIODS, { error: `must be one of ${BUDGET_PERIODS.join(", ")}` });

const amountUsd = z
  .union([z.string(), z.number()], { error: 'must be a USD amount, e.g. "500"' })
  .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
  .refine((v) => /^\d{1,10}(\.\d{1,10})?$/.test(v) && Number(v) > 0, 'must be a positive USD amount with at most 10 decimals, e.g. "500" or "1250.50"');

const percent = (max: number) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/, "must be a number")], { error: "must be a number" })
    .transform(Number)
    .refine((v) => Number.isFinite(v) && v >= 0 && v <= max, `must be from 0 to ${max}`)
    .refine((v) => Math.round(v * 100) === v * 100, "must have at most 2 decimals");

const webhookChannel = z.object({
  type: z.literal("webhook"),
  url: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .max(2000, "must be at most 2000 characters")
    .superRefine((url, ctx) => {
      const problem = webhookUrlProblem(url);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  // null removes a stored secret on update; absent keeps the one stored for the same URL
  secret: z.string().min(8, "must be at least 8 characters").max(500, "must be at most 500 characters").nullish(),
});
const emailChannel = z.object({ type: z.literal("email"), to: z.email({ error: "must be an email address" }) });

/** A place alerts go: a webhook (signed when it has a secret) or an email address. */
export const channelSchema = z.discriminatedUnion("type", [webhookChannel, emailChannel], { error: "type must be webhook or email" });
export type ChannelInput = z.input<typeof channelSchema>;

/** A channel as stored (in the budget and in each outbox row); the secret never leaves the server. */
export type StoredChannel = { type: "webhook"; url: string; secret?: string } | { type: "email"; to: string };

const channels = z.array(channelSchema, { error: "must be an array" }).max(MAX_CHANNELS, `must have at most ${MAX_CHANNELS} channels`);

const fields = {
  name,
  scope,
  period,
  amount_usd: amountUsd,
  yellow_pct: percent(1000),
  red_pct: percent(1000),
  workflow_cap_pct: percent(100),
  channels,
};

const thresholdsInOrder = (b: { yellow_pct?: number; red_pct?: number }) => b.yellow_pct === undefined || b.red_pct === undefined || b.yellow_pct <= b.red_pct;
const thresholdsMessage = { path: ["yellow_pct"], message: "must not be above red_pct" };

/** A new budget (SPEC 3): thresholds default to 80 / 100 and the workflow cap to 20 (0 turns it off). */
export const createBudgetSchema = z
  .object(
    {
      ...fields,
      yellow_pct: fields.yellow_pct.default(80),
      red_pct: fields.red_pct.default(100),
      workflow_cap_pct: fields.workflow_cap_pct.default(20),
      channels: fields.channels.default([]),
    },
    { error: "must be a JSON object" },
  )
  .refine(thresholdsInOrder, thresholdsMessage);
export type CreateBudgetInput = z.input<typeof createBudgetSchema>;
export type CreateBudgetData = z.output<typeof createBudgetSchema>;

/** A change to a budget: any of the fields; the result is checked again as a whole. */
export const updateBudgetSchema = z
  .object(
    {
      name: fields.name.optional(),
      scope: fields.scope.optional(),
      period: fields.period.optional(),
      amount_usd: fields.amount_usd.optional(),
      yellow_pct: fields.yellow_pct.optional(),
      red_pct: fields.red_pct.optional(),
      workflow_cap_pct: fields.workflow_cap_pct.optional(),
      channels: fields.channels.optional(),
    },
    { error: "must be a JSON object" },
  )
  .strict();
export type UpdateBudgetInput = z.input<typeof updateBudgetSchema>;

/** The stored value of a scope: '' for the organization or for `(untagged)`, as in the roll-ups. */
export function storedScopeValue(value: string | undefined): string {
  return value === undefined || value === UNTAGGED ? "" : value;
}

/** One workflow's spend in the budget's period, as the API shows the workflows driving a budget. */
export type BudgetDriver = { workflow: string; spend_usd: string; share_pct: number; over_cap: boolean };

/** A budget as the API answers it (SPEC 3), with its last evaluation. */
export type BudgetJson = {
  id: string;
  name: string;
  scope: { dimension: ScopeDimension; value?: string };
  period: BudgetPeriodKind;
  amount_usd: string;
  yellow_pct: number;
  red_pct: number;
  workflow_cap_pct: number;
  channels: ({ type: "webhook"; url: string; has_secret: boolean } | { type: "email"; to: string })[];
  level: BudgetLevel;
  spend_usd: string;
  forecast_usd: string | null;
  reason: string;
  workflows: BudgetDriver[];
  period_start: string | null;
  period_end: string | null;
  evaluated_at: string | null;
  created_at: string;
  updated_at: string;
};
