"use client";

import { useState } from "react";
import { Field, Input, Select } from "@/components/ui/field";
import { formatUsdUnit } from "@/lib/format/format-money";
import type { WorkflowOutcomes } from "@/lib/what-if/load-token-mix";
import { pricePerOutcome, type PricePerOutcomeInput } from "@/lib/what-if/price-per-outcome";
import { checkForm, pricePerOutcomeFormSchema } from "@/lib/what-if/schemas";
import { ResultFigure, WorkingDetails } from "./working-details";

/** The target gross margin the tool starts at: the top of the 50–60% AI benchmark (SPEC 7). */
const DEFAULT_MARGIN_PCT = "60";
const CUSTOM = "";

function valuesOf(workflow: WorkflowOutcomes | undefined, margin: string): PricePerOutcomeInput {
  if (!workflow) return { costPerAttemptUsd: "0", successRatePct: "100", targetMarginPct: margin };
  return { costPerAttemptUsd: trimZeros(workflow.cost_per_run_usd), successRatePct: trimZeros(workflow.success_rate_pct ?? "100"), targetMarginPct: margin };
}

const trimZeros = (text: string) => (text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text);

/** SPEC 9 pricing model: price per outcome for a target margin, from cost per attempt ÷ success rate. */
export function PricingTool({ workflows }: { workflows: WorkflowOutcomes[] }) {
  const [workflow, setWorkflow] = useState(workflows[0]?.workflow ?? CUSTOM);
  const [values, setValues] = useState(() => valuesOf(workflows[0], DEFAULT_MARGIN_PCT));
  const check = checkForm(pricePerOutcomeFormSchema, values);
  const errors = check.ok ? {} : check.errors;
  const result = check.ok ? pricePerOutcome(check.data) : null;
  const chosen = workflows.find((w) => w.workflow === workflow);
  const set = (key: keyof PricePerOutcomeInput, value: string) => setValues((v) => ({ ...v, [key]: value }));
  return (
    <div>
      <form className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" noValidate aria-label="Pricing inputs" onSubmit={(e) => e.preventDefault()}>
        <Field label="Workflow" htmlFor="pricing-workflow" hint={chosen ? `${chosen.runs} runs, ${chosen.runs_with_outcome} with an outcome, in the window` : "Enter your own figures."}>
          <Select
            id="pricing-workflow"
            value={workflow}
            onChange={(e) => {
              setWorkflow(e.target.value);
              const next = workflows.find((w) => w.workflow === e.target.value);
              if (next) setValues((v) => valuesOf(next, v.targetMarginPct));
            }}
          >
            {workflows.map((w) => (
              <option key={w.workflow} value={w.workflow}>
                {w.workflow}
              </option>
            ))}
            <option value={CUSTOM}>Custom figures</option>
          </Select>
        </Field>
        <Field label="Cost per attempt (USD)" htmlFor="pricing-cost" error={errors.costPerAttemptUsd} hint="A workflow's cost ÷ its runs.">
          <Input id="pricing-cost" inputMode="decimal" value={values.costPerAttemptUsd} onChange={(e) => set("costPerAttemptUsd", e.target.value)} invalid={Boolean(errors.costPerAttemptUsd)} />
        </Field>
        <Field
          label="Success rate (%)"
          htmlFor="pricing-success"
          error={errors.successRatePct}
          hint={chosen && chosen.success_rate_pct === null ? "No run has an outcome yet: 100% assumed." : "Successful ÷ runs with an outcome."}
        >
          <Input id="pricing-success" inputMode="decimal" value={values.successRatePct} onChange={(e) => set("successRatePct", e.target.value)} invalid={Boolean(errors.successRatePct)} />
        </Field>
        <Field label="Target gross margin (%)" htmlFor="pricing-margin" error={errors.targetMarginPct} hint="AI products: 50–60%; SaaS: 70–90%.">
          <Input id="pricing-margin" inputMode="decimal" value={values.targetMarginPct} onChange={(e) => set("targetMarginPct", e.target.value)} invalid={Boolean(errors.targetMarginPct)} />
        </Field>
      </form>
      {result ? (
        <>
          <div className="mt-4 grid gap-3 sm:grid-cols-2">
            <ResultFigure label="Cost per charged outcome" value={formatUsdUnit(result.cost_per_outcome_usd)} testId="pricing-cost-per-outcome" detail={`Exactly ${trimZeros(result.cost_per_outcome_usd)}`} />
            <ResultFigure label="Price per outcome for the target margin" value={formatUsdUnit(result.price_per_outcome_usd)} testId="pricing-price" detail={`Exactly ${trimZeros(result.price_per_outcome_usd)}`} />
          </div>
          <WorkingDetails inputs={result.inputs} formula={result.formula} />
        </>
      ) : null}
    </div>
  );
}
