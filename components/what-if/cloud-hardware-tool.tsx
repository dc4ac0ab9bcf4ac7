"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Field, Input } from "@/components/ui/field";
import { formatUsdTotal } from "@/lib/format/format-money";
import { compareCloudHardware, type CloudHardwareInput, type CloudHardwareVerdict } from "@/lib/what-if/compare-cloud-hardware";
import { checkForm, cloudHardwareFormSchema } from "@/lib/what-if/schemas";
import { ResultFigure, WorkingDetails } from "./working-details";

const VERDICTS: Record<CloudHardwareVerdict, { label: string; tone: "green" | "yellow" | "neutral" }> = {
  consider_owning: { label: "Below 0.6: consider owning", tone: "green" },
  borderline: { label: "0.6–0.7: borderline", tone: "yellow" },
  keep_cloud: { label: "Above 0.7: keep the cloud", tone: "neutral" },
};

const FIELDS: { key: keyof CloudHardwareInput; label: string; hint?: string }[] = [
  { key: "cloudMonthlyUsd", label: "Cloud AI spend per month (USD)", hint: "Prefilled: your last 30 days of tracked spend." },
  { key: "egressMonthlyUsd", label: "Egress per month (USD)" },
  { key: "capexUsd", label: "Hardware purchase, capex (USD)", hint: "Example value: replace with your quote." },
  { key: "lifeMonths", label: "Hardware life (months)" },
  { key: "powerMonthlyUsd", label: "Power per month (USD)" },
  { key: "operationsMonthlyUsd", label: "Operations per month (USD)", hint: "Hosting, maintenance, spares." },
  { key: "staffMonthlyUsd", label: "Staff per month (USD)", hint: "The share of people's time that runs it." },
];

/** SPEC 9 cloud vs own hardware: the ratio of owned to cloud monthly cost against the 0.6–0.7 trigger. */
export function CloudHardwareTool({ initial }: { initial: CloudHardwareInput }) {
  const [values, setValues] = useState(initial);
  const check = checkForm(cloudHardwareFormSchema, values);
  const errors = check.ok ? {} : check.errors;
  const result = check.ok ? compareCloudHardware(check.data) : null;
  return (
    <div>
      <form className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" noValidate aria-label="Cloud vs own hardware inputs" onSubmit={(e) => e.preventDefault()}>
        {FIELDS.map((field) => (
          <Field key={field.key} label={field.label} htmlFor={`cloud-${field.key}`} error={errors[field.key]} hint={field.hint}>
            <Input id={`cloud-${field.key}`} inputMode="decimal" value={values[field.key]} onChange={(e) => setValues((v) => ({ ...v, [field.key]: e.target.value }))} invalid={Boolean(errors[field.key])} />
          </Field>
        ))}
      </form>
      {result ? (
        <>
          <div className="mt-4 grid gap-3 sm:grid-cols-4">
            <ResultFigure label="Owned ÷ cloud" value={result.ratio ?? "–"} testId="cloud-ratio" />
            <ResultFigure label="Owned per month" value={formatUsdTotal(result.owned_monthly_usd)} testId="cloud-owned" detail={`Cloud: ${formatUsdTotal(result.cloud_monthly_usd)}`} />
            <ResultFigure label="Saving per month" value={formatUsdTotal(result.saving_monthly_usd)} testId="cloud-saving" detail="Cloud − owned, amortization included" />
            <ResultFigure label="Months to break even" value={result.break_even_months ?? "Never"} testId="cloud-break-even" />
          </div>
          <p className="mt-3 text-sm">
            <Badge tone={VERDICTS[result.verdict].tone}>{VERDICTS[result.verdict].label}</Badge>
          </p>
          <WorkingDetails inputs={result.inputs} formula={result.formula} notes={result.notes} />
        </>
      ) : null}
    </div>
  );
}
