import type { BudgetJson, BudgetPeriodKind, CreateBudgetInput, ScopeDimension } from "@/lib/budgets/schemas";

/** One channel row of the form; a webhook's stored secret is never shown, only whether there is one. */
export type ChannelFormRow =
  | { type: "webhook"; url: string; secret: string; hasSecret: boolean; removeSecret: boolean }
  | { type: "email"; to: string };

/** What the budget form holds: text as typed, so the schema (not the form) judges it and names the field. */
export type BudgetFormValues = {
  name: string;
  dimension: ScopeDimension;
  value: string;
  period: BudgetPeriodKind;
  amount: string;
  yellowPct: string;
  redPct: string;
  workflowCapPct: string;
  channels: ChannelFormRow[];
};

/** A new budget's form: the SPEC 5 defaults (80 / 100, cap 20), monthly, for the whole organization. */
export function emptyBudgetForm(): BudgetFormValues {
  return { name: "", dimension: "org", value: "", period: "month", amount: "", yellowPct: "80", redPct: "100", workflowCapPct: "20", channels: [] };
}

/** An existing budget's settings as form values. */
export function budgetToFormValues(budget: BudgetJson): BudgetFormValues {
  return {
    name: budget.name,
    dimension: budget.scope.dimension,
    value: budget.scope.value ?? "",
    period: budget.period,
    amount: budget.amount_usd,
    yellowPct: String(budget.yellow_pct),
    redPct: String(budget.red_pct),
    workflowCapPct: String(budget.workflow_cap_pct),
    channels: budget.channels.map((c) => (c.type === "webhook" ? { type: "webhook", url: c.url, secret: "", hasSecret: c.has_secret, removeSecret: false } : { type: "email", to: c.to })),
  };
}

const optional = (text: string) => (text.trim() === "" ? undefined : text.trim());

/**
 * The form as the backend's budget input (SPEC 3's JSON). Empty thresholds fall back to the
 * defaults; a webhook with no new secret keeps the stored one (absent), unless asked to remove it
 * (null). Channel rows keep their order, so `channels.<i>.url` errors point at row i.
 */
export function formValuesToInput(values: BudgetFormValues): CreateBudgetInput {
  return {
    name: values.name,
    scope: values.dimension === "org" ? { dimension: "org" } : { dimension: values.dimension, value: optional(values.value) },
    period: values.period,
    amount_usd: values.amount.trim(),
    yellow_pct: optional(values.yellowPct),
    red_pct: optional(values.redPct),
    workflow_cap_pct: optional(values.workflowCapPct),
    channels: values.channels.map((c) =>
      c.type === "email"
        ? { type: "email", to: c.to.trim() }
        : { type: "webhook", url: c.url.trim(), ...(c.removeSecret ? { secret: null } : c.secret !== "" ? { secret: c.secret } : {}) },
    ),
  };
}

/** The field errors a form shows under its fields, by the schema's dotted paths; the rest go in the summary. */
export function splitFieldErrors(fieldErrors: Record<string, string>, channelCount: number): { byField: Record<string, string>; other: string[] } {
  const known = new Set(["name", "scope.dimension", "scope.value", "scope", "period", "amount_usd", "yellow_pct", "red_pct", "workflow_cap_pct", "channels"]);
  for (let i = 0; i < channelCount; i++) for (const f of ["url", "secret", "to", "type"]) known.add(`channels.${i}.${f}`);
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fieldErrors)) {
    if (known.has(path)) byField[path === "scope" ? "scope.value" : path] = message;
    else other.push(`${path}: ${message}`);
  }
  return { byField, other };
}
