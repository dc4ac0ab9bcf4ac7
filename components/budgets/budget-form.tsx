"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createBudgetAction, updateBudgetAction } from "@/app/o/[slug]/budgets/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { BUDGET_PERIODS, SCOPE_DIMENSIONS, type ScopeDimension } from "@/lib/budgets/schemas";
import { formValuesToInput, splitFieldErrors, type BudgetFormValues, type ChannelFormRow } from "@/lib/budgets-view/budget-form";
import { dimensionWord, periodLabel } from "@/lib/budgets-view/prepare-budget-meter";
import { budgetsViewKeys } from "@/lib/budgets-view/query-keys";

/**
 * Creates or edits a budget through the server actions; the backend's schema judges the input and
 * its issues show under the fields they name (`scope.value`, `channels.0.url`).
 */
export function BudgetForm({
  orgSlug,
  budgetId,
  initialValues,
  suggestions,
}: {
  orgSlug: string;
  /** Absent for a new budget. */
  budgetId?: string;
  initialValues: BudgetFormValues;
  /** Values the organization's spend already uses, per dimension (last 90 days). */
  suggestions: Partial<Record<ScopeDimension, string[]>>;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(initialValues);
  const mutation = useMutation({
    mutationFn: (v: BudgetFormValues) => (budgetId ? updateBudgetAction(orgSlug, budgetId, formValuesToInput(v)) : createBudgetAction(orgSlug, formValuesToInput(v))),
    onSuccess: async (result) => {
      if (!result.ok) return;
      await queryClient.invalidateQueries({ queryKey: budgetsViewKeys.org(orgSlug) });
      router.push(`/o/${orgSlug}/budgets/${result.data.id}`);
      router.refresh();
    },
  });
  const result = mutation.data;
  const { byField: errors, other } = result && !result.ok ? splitFieldErrors(result.fieldErrors, values.channels.length) : { byField: {} as Record<string, string>, other: [] as string[] };
  const set = <K extends keyof BudgetFormValues>(key: K, value: BudgetFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setChannel = (index: number, channel: ChannelFormRow) => set("channels", values.channels.map((c, i) => (i === index ? channel : c)));
  const known = values.dimension === "org" ? [] : (suggestions[values.dimension] ?? []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.mutate(values);
  }

  return (
    <form onSubmit={submit} className="space-y-6" noValidate aria-label={budgetId ? "Edit budget" : "Create a budget"}>
      {result && !result.ok ? (
        <Alert>
          <span className="font-medium">{Object.keys(result.fieldErrors).length > 0 ? "Check the fields marked below." : result.error}</span>
          {other.length > 0 ? <span> {other.join("; ")}</span> : null}
        </Alert>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor="budget-name" error={errors.name}>
          <Input id="budget-name" value={values.name} onChange={(e) => set("name", e.target.value)} invalid={Boolean(errors.name)} maxLength={120} required />
        </Field>
        <Field label="Period" htmlFor="budget-period" error={errors.period} hint="Periods start at midnight in the organization's time zone; weeks on Monday.">
          <Select id="budget-period" value={values.period} onChange={(e) => set("period", e.target.value as BudgetFormValues["period"])} invalid={Boolean(errors.period)}>
            {BUDGET_PERIODS.map((p) => (
              <option key={p} value={p}>
                {periodLabel(p)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Scope" htmlFor="budget-dimension" error={errors["scope.dimension"]}>
          <Select id="budget-dimension" value={values.dimension} onChange={(e) => set("dimension", e.target.value as ScopeDimension)} invalid={Boolean(errors["scope.dimension"])}>
            {SCOPE_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {dimensionWord(d)}
              </option>
            ))}
          </Select>
        </Field>
        {values.dimension !== "org" ? (
          <Field
            label={`${dimensionWord(values.dimension)} name`}
            htmlFor="budget-value"
            error={errors["scope.value"]}
            hint={known.length > 0 ? `Suggestions come from the last 90 days of spend (${known.length} known).` : "As your events name it. (untagged) is spend without one."}
          >
            <Input id="budget-value" list="budget-value-options" value={values.value} onChange={(e) => set("value", e.target.value)} invalid={Boolean(errors["scope.value"])} autoComplete="off" />
            <datalist id="budget-value-options">
              {known.map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          </Field>
        ) : null}
      </div>

      <div className="grid gap-4 sm:grid-cols-4">
        <Field label="Amount (USD)" htmlFor="budget-amount" error={errors.amount_usd}>
          <Input id="budget-amount" inputMode="decimal" placeholder="500" value={values.amount} onChange={(e) => set("amount", e.target.value)} invalid={Boolean(errors.amount_usd)} required />
        </Field>
        <Field label="Yellow at (% of amount)" htmlFor="budget-yellow" error={errors.yellow_pct} hint="Default 80.">
          <Input id="budget-yellow" inputMode="decimal" value={values.yellowPct} onChange={(e) => set("yellowPct", e.target.value)} invalid={Boolean(errors.yellow_pct)} />
        </Field>
        <Field label="Red at (% of amount)" htmlFor="budget-red" error={errors.red_pct} hint="Default 100.">
          <Input id="budget-red" inputMode="decimal" value={values.redPct} onChange={(e) => set("redPct", e.target.value)} invalid={Boolean(errors.red_pct)} />
        </Field>
        <Field label="Workflow cap (% of amount)" htmlFor="budget-cap" error={errors.workflow_cap_pct} hint="One workflow spending more than this turns the budget red, even under budget. 0 turns it off.">
          <Input id="budget-cap" inputMode="decimal" value={values.workflowCapPct} onChange={(e) => set("workflowCapPct", e.target.value)} invalid={Boolean(errors.workflow_cap_pct)} />
        </Field>
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">Alert channels</legend>
        <p className="text-xs text-slate-500">
          Every change of level is sent here, retried for 24 hours if a receiver is down. Webhooks get JSON with a Slack-compatible <code>text</code> field; with a secret, each request is
          signed in the <code>X-Marginal-Signature</code> header.
        </p>
        {errors.channels ? (
          <p className="text-xs text-red-700" role="alert">
            {errors.channels}
          </p>
        ) : null}
        {values.channels.map((c, i) => (
          <div key={i} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
            {c.type === "webhook" ? (
              <>
                <Field label={i === 0 ? "Webhook URL" : `Webhook URL (channel ${i + 1})`} htmlFor={`budget-channel-${i}-url`} error={errors[`channels.${i}.url`]}>
                  <Input id={`budget-channel-${i}-url`} type="url" placeholder="https://hooks.slack.com/…" value={c.url} onChange={(e) => setChannel(i, { ...c, url: e.target.value })} invalid={Boolean(errors[`channels.${i}.url`])} />
                </Field>
                <Field
                  label={i === 0 ? "Signing secret (optional)" : `Signing secret (channel ${i + 1}, optional)`}
                  htmlFor={`budget-channel-${i}-secret`}
                  error={errors[`channels.${i}.secret`]}
                  hint={c.hasSecret ? "A secret is stored (never shown); leave empty to keep it." : "At least 8 characters."}
                >
                  <Input
                    id={`budget-channel-${i}-secret`}
                    type="password"
                    autoComplete="new-password"
                    value={c.secret}
                    disabled={c.removeSecret}
                    onChange={(e) => setChannel(i, { ...c, secret: e.target.value })}
                    invalid={Boolean(errors[`channels.${i}.secret`])}
                  />
                  {c.hasSecret ? (
                    <label className="mt-1 flex items-center gap-2 text-xs text-slate-600">
                      <input type="checkbox" checked={c.removeSecret} onChange={(e) => setChannel(i, { ...c, removeSecret: e.target.checked, secret: "" })} className="h-4 w-4 rounded border-slate-300" />
                      Remove the stored secret
                    </label>
                  ) : null}
                </Field>
              </>
            ) : (
              <Field label={i === 0 ? "Email address" : `Email address (channel ${i + 1})`} htmlFor={`budget-channel-${i}-to`} error={errors[`channels.${i}.to`]}>
                <Input id={`budget-channel-${i}-to`} type="email" value={c.to} onChange={(e) => setChannel(i, { ...c, to: e.target.value })} invalid={Boolean(errors[`channels.${i}.to`])} />
              </Field>
            )}
            <div className={c.type === "email" ? "sm:col-span-2 sm:justify-self-end" : ""}>
              <Button type="button" variant="ghost" className="sm:mt-6" onClick={() => set("channels", values.channels.filter((_, j) => j !== i))} aria-label={`Remove channel ${i + 1}`}>
                Remove
              </Button>
            </div>
          </div>
        ))}
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => set("channels", [...values.channels, { type: "webhook", url: "", secret: "", hasSecret: false, removeSecret: false }])}>
            Add a webhook
          </Button>
          <Button type="button" variant="secondary" onClick={() => set("channels", [...values.channels, { type: "email", to: "" }])}>
            Add an email
          </Button>
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : budgetId ? "Save budget" : "Create budget"}
        </Button>
        <a href={budgetId ? `/o/${orgSlug}/budgets/${budgetId}` : `/o/${orgSlug}/budgets`} className="text-sm font-medium text-slate-600 hover:underline">
          Cancel
        </a>
        {mutation.isError ? <span className="text-sm text-red-700">The budget could not be saved: {mutation.error.message}</span> : null}
      </div>
    </form>
  );
}
