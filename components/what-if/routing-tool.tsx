"use client";

import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Select } from "@/components/ui/field";
import { formatUsdTotal } from "@/lib/format/format-money";
import { modelKey, parseModelKey } from "@/lib/what-if/model-key";
import { projectRouting } from "@/lib/what-if/project-routing";
import { checkForm, routingFormSchema } from "@/lib/what-if/schemas";
import { listScopeValues, mixForScope, untaggedLabel, type MixScope, type ScopedMixRow } from "@/lib/what-if/scope-mix";
import type { PricedModel } from "@/lib/what-if/types";
import { ResultFigure, WorkingDetails } from "./working-details";

type ScopeKind = MixScope["kind"];

/** SPEC 9 routing: move a share of a feature's or workflow's calls from one model to another. */
export function RoutingTool({ rows, windowDays, models, siblings }: { rows: ScopedMixRow[]; windowDays: number; models: PricedModel[]; siblings: Record<string, string> }) {
  const [kind, setKind] = useState<ScopeKind>("all");
  const [value, setValue] = useState("");
  const scope: MixScope = kind === "all" ? { kind } : { kind, value };
  const mix = useMemo(() => mixForScope(rows, kind === "all" ? { kind } : { kind, value }), [rows, kind, value]);
  const byKey = useMemo(() => new Map(models.map((m) => [modelKey(m.provider, m.model), m])), [models]);
  const defaultTarget = (fromKey: string): string => {
    const from = mix.find((m) => modelKey(m.provider, m.model) === fromKey);
    const sibling = from ? siblings[fromKey] : undefined;
    if (from && sibling) return modelKey(from.provider, sibling);
    return models.map((m) => modelKey(m.provider, m.model)).find((k) => k !== fromKey) ?? "";
  };
  const firstFrom = mix[0] ? modelKey(mix[0].provider, mix[0].model) : "";
  const [fromModel, setFromModel] = useState(firstFrom);
  const [toModel, setToModel] = useState(() => defaultTarget(firstFrom));
  const [sharePct, setSharePct] = useState("50");

  const fromValid = mix.some((m) => modelKey(m.provider, m.model) === fromModel) ? fromModel : firstFrom;
  const check = checkForm(routingFormSchema, { fromModel: fromValid, toModel, sharePct });
  const errors = check.ok ? {} : check.errors;
  const target = byKey.get(toModel);
  const result = check.ok && target ? projectRouting({ mix, windowDays, from: parseModelKey(fromValid), to: target, sharePct: check.data.sharePct }) : null;

  function changeScope(nextKind: ScopeKind, nextValue: string) {
    setKind(nextKind);
    setValue(nextValue);
    const nextMix = mixForScope(rows, nextKind === "all" ? { kind: "all" } : { kind: nextKind, value: nextValue });
    const from = nextMix[0] ? modelKey(nextMix[0].provider, nextMix[0].model) : "";
    setFromModel(from);
    const sibling = nextMix[0] ? siblings[from] : undefined;
    if (nextMix[0] && sibling) setToModel(modelKey(nextMix[0].provider, sibling));
  }

  const scopeValues = kind === "all" ? [] : listScopeValues(rows, kind);
  const providers = [...new Set(models.map((m) => m.provider))];
  return (
    <div>
      <form className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5" noValidate aria-label="Routing inputs" onSubmit={(e) => e.preventDefault()}>
        <Field label="Calls of" htmlFor="routing-scope-kind">
          <Select id="routing-scope-kind" value={kind} onChange={(e) => changeScope(e.target.value as ScopeKind, e.target.value === "all" ? "" : listScopeValues(rows, e.target.value as "feature" | "workflow")[0] ?? "")}>
            <option value="all">All calls</option>
            <option value="feature">A feature</option>
            <option value="workflow">A workflow</option>
          </Select>
        </Field>
        {kind !== "all" ? (
          <Field label={kind === "feature" ? "Feature" : "Workflow"} htmlFor="routing-scope-value">
            <Select id="routing-scope-value" value={scope.kind === "all" ? "" : scope.value} onChange={(e) => changeScope(kind, e.target.value)}>
              {scopeValues.map((v) => (
                <option key={v} value={v}>
                  {untaggedLabel(v)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field label="From model" htmlFor="routing-from" error={errors.fromModel}>
          <Select
            id="routing-from"
            value={fromValid}
            invalid={Boolean(errors.fromModel)}
            onChange={(e) => {
              setFromModel(e.target.value);
              setToModel(defaultTarget(e.target.value));
            }}
          >
            {mix.map((m) => (
              <option key={modelKey(m.provider, m.model)} value={modelKey(m.provider, m.model)}>
                {m.provider} / {m.model}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="To model" htmlFor="routing-to" error={errors.toModel} hint="Catalog prices, with your overrides and discounts.">
          <Select id="routing-to" value={toModel} invalid={Boolean(errors.toModel)} onChange={(e) => setToModel(e.target.value)}>
            {providers.map((provider) => (
              <optgroup key={provider} label={provider}>
                {models
                  .filter((m) => m.provider === provider)
                  .map((m) => (
                    <option key={modelKey(m.provider, m.model)} value={modelKey(m.provider, m.model)}>
                      {m.model}
                    </option>
                  ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Field label="Share of calls moved (%)" htmlFor="routing-share" error={errors.sharePct}>
          <div className="flex items-center gap-2">
            <input
              type="range"
              min={0}
              max={100}
              step={1}
              aria-label="Share of calls moved, slider"
              value={check.ok ? Math.round(Number(check.data.sharePct)) : 0}
              onChange={(e) => setSharePct(e.target.value)}
              className="w-full accent-accent-600"
            />
            <div className="w-20 shrink-0">
              <Input id="routing-share" inputMode="decimal" value={sharePct} onChange={(e) => setSharePct(e.target.value)} invalid={Boolean(errors.sharePct)} />
            </div>
          </div>
        </Field>
      </form>
      {mix.length === 0 ? (
        <div className="mt-4">
          <Alert tone="info">No calls in this scope in the window.</Alert>
        </div>
      ) : null}
      {result ? (
        <>
          <div className="mt-4 grid gap-3 sm:grid-cols-3">
            <ResultFigure label="Projected monthly saving" value={formatUsdTotal(result.saving_monthly_usd)} testId="routing-saving" detail={result.saving_pct === null ? undefined : `${result.saving_pct}% of this scope's cost`} />
            <ResultFigure label="Monthly cost before" value={formatUsdTotal(result.before_monthly_usd)} testId="routing-before" />
            <ResultFigure label="Monthly cost after" value={formatUsdTotal(result.after_monthly_usd)} testId="routing-after" detail={`${result.moved_calls} calls moved in the window`} />
          </div>
          <WorkingDetails inputs={result.inputs} formula={result.formula} notes={result.notes} />
        </>
      ) : null}
    </div>
  );
}

