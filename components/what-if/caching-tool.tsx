"use client";

import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Select } from "@/components/ui/field";
import { formatUsdTotal } from "@/lib/format/format-money";
import { modelKey } from "@/lib/what-if/model-key";
import { projectCaching } from "@/lib/what-if/project-caching";
import { cachingFormSchema, checkForm } from "@/lib/what-if/schemas";
import { mixForScope, type ScopedMixRow } from "@/lib/what-if/scope-mix";
import type { PricedModel } from "@/lib/what-if/types";
import { ResultFigure, WorkingDetails } from "./working-details";

/** SPEC 9 caching: the saving at a chosen cache-hit rate of one model's input tokens. */
export function CachingTool({ rows, windowDays, models }: { rows: ScopedMixRow[]; windowDays: number; models: PricedModel[] }) {
  const mix = useMemo(() => mixForScope(rows, { kind: "all" }), [rows]);
  const rates = useMemo(() => new Map(models.map((m) => [modelKey(m.provider, m.model), m.rates])), [models]);
  // The dearest model that has a cache price is where caching can save; else the dearest.
  const [model, setModel] = useState(() => {
    const first = mix.find((m) => rates.get(modelKey(m.provider, m.model))?.hasCachePrice) ?? mix[0];
    return first ? modelKey(first.provider, first.model) : "";
  });
  const [hitRatePct, setHitRatePct] = useState("30");
  const check = checkForm(cachingFormSchema, { model, hitRatePct });
  const errors = check.ok ? {} : check.errors;
  const row = mix.find((m) => modelKey(m.provider, m.model) === model);
  const modelRates = rates.get(model);
  const result = check.ok && row && modelRates ? projectCaching({ row, rates: modelRates, windowDays, hitRatePct: check.data.hitRatePct }) : null;

  return (
    <div>
      <form className="grid gap-4 sm:grid-cols-2" noValidate aria-label="Caching inputs" onSubmit={(e) => e.preventDefault()}>
        <Field label="Model" htmlFor="caching-model" error={errors.model}>
          <Select id="caching-model" value={model} invalid={Boolean(errors.model)} onChange={(e) => setModel(e.target.value)}>
            {mix.map((m) => (
              <option key={modelKey(m.provider, m.model)} value={modelKey(m.provider, m.model)}>
                {m.provider} / {m.model}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Cache-hit rate of input tokens (%)" htmlFor="caching-rate" error={errors.hitRatePct} hint="The share of input tokens read from the provider's prompt cache.">
          <Input id="caching-rate" inputMode="decimal" value={hitRatePct} onChange={(e) => setHitRatePct(e.target.value)} invalid={Boolean(errors.hitRatePct)} />
        </Field>
      </form>
      {row && !modelRates ? (
        <div className="mt-4">
          <Alert tone="info">{row.model} has no price: add a price override to project its caching.</Alert>
        </div>
      ) : null}
      {result ? (
        <>
          <div className="mt-4 grid gap-3 sm:grid-cols-3">
            <ResultFigure label="Projected monthly saving" value={formatUsdTotal(result.saving_monthly_usd)} testId="caching-saving" detail={result.has_cache_price ? undefined : "No cache price: no saving"} />
            <ResultFigure label="Cache-hit rate today" value={result.current_hit_rate_pct === null ? "–" : `${result.current_hit_rate_pct}%`} testId="caching-current" />
            <ResultFigure label="Additional cached tokens in the window" value={Number(result.additional_cached_tokens).toLocaleString("en-US")} testId="caching-tokens" />
          </div>
          <WorkingDetails inputs={result.inputs} formula={result.formula} notes={result.notes} />
        </>
      ) : null}
    </div>
  );
}
