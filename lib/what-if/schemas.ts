import { z } from "zod";
import { exact, isDecimalText } from "./exact";

type Bounds = { min?: string; max?: string; above?: string; below?: string };

// A form field holding a plain decimal, with bounds; every message names the field.
function decimalField(label: string, bounds: Bounds) {
  return z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      const fail = (message: string) => ctx.addIssue({ code: "custom", message: `${label} ${message}` });
      if (text === "") return fail("is required");
      if (!isDecimalText(text)) return fail("must be a number like 12.5 (no $, % or commas)");
      const value = exact(text);
      if (bounds.min !== undefined && value < exact(bounds.min)) return fail(`must be at least ${bounds.min}`);
      if (bounds.above !== undefined && value <= exact(bounds.above)) return fail(`must be more than ${bounds.above}`);
      if (bounds.max !== undefined && value > exact(bounds.max)) return fail(`must be at most ${bounds.max}`);
      if (bounds.below !== undefined && value >= exact(bounds.below)) return fail(`must be less than ${bounds.below}`);
    });
}

const money = (label: string) => decimalField(label, { min: "0" });

/** The routing form: which calls, from which model to which, and the share moved. */
export const routingFormSchema = z.object({
  fromModel: z.string().min(1, "From model is required"),
  toModel: z.string().min(1, "To model is required"),
  sharePct: decimalField("Share of calls moved", { min: "0", max: "100" }),
});

/** The caching form: a model and the target cache-hit rate of its input tokens. */
export const cachingFormSchema = z.object({
  model: z.string().min(1, "Model is required"),
  hitRatePct: decimalField("Cache-hit rate", { min: "0", max: "100" }),
});

/** The cloud vs own hardware form: monthly amounts in USD, capex once, life in months. */
export const cloudHardwareFormSchema = z.object({
  cloudMonthlyUsd: money("Cloud AI spend per month"),
  egressMonthlyUsd: money("Egress per month"),
  capexUsd: money("Hardware purchase (capex)"),
  lifeMonths: decimalField("Hardware life in months", { above: "0", max: "240" }),
  powerMonthlyUsd: money("Power per month"),
  operationsMonthlyUsd: money("Operations per month"),
  staffMonthlyUsd: money("Staff per month"),
});

/** The pricing form: cost per attempt, success rate and target gross margin. */
export const pricePerOutcomeFormSchema = z.object({
  costPerAttemptUsd: money("Cost per attempt"),
  successRatePct: decimalField("Success rate", { above: "0", max: "100" }),
  targetMarginPct: decimalField("Target gross margin", { min: "0", below: "100" }),
});

/** The parsed values, or the first message per field (keyed by field name). */
export type FormCheck<T> = { ok: true; data: T } | { ok: false; errors: Partial<Record<keyof T & string, string>> };

/** Checks a form's values with its schema, keeping the first error of each field. */
export function checkForm<S extends z.ZodType<Record<string, string>>>(schema: S, values: unknown): FormCheck<z.infer<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors: errors as Partial<Record<keyof z.infer<S> & string, string>> };
}
