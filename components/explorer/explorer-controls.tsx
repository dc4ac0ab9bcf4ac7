"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { COST_DIMENSIONS, GRANULARITIES, type CostDimension, type Granularity } from "@/lib/costs/schemas";
import type { ExplorerView } from "@/lib/explorer/url-state";
import { dimensionLabel } from "./cost-table";

const GRANULARITY_LABELS: Record<Granularity, string> = { hour: "Hour", day: "Day", week: "Week", month: "Month" };

/** The explorer's controls. They only report changes; the URL is the state. */
export function ExplorerControls({
  view,
  range,
  knownValues,
  onGranularity,
  onGroupBy,
  onRange,
  onFilters,
}: {
  view: ExplorerView;
  range: { from: string; through: string };
  /** Values seen in the current answer per grouped dimension, offered when adding a filter. */
  knownValues: Partial<Record<CostDimension, string[]>>;
  onGranularity: (granularity: Granularity) => void;
  onGroupBy: (groupBy: CostDimension[]) => void;
  onRange: (from: string, through: string) => void;
  onFilters: (dimension: CostDimension, values: string[]) => void;
}) {
  const id = useId();
  const [primary, secondary] = view.groupBy;
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <Field label="From" htmlFor={`${id}-from`}>
          <Input id={`${id}-from`} type="date" value={range.from} max={range.through} onChange={(e) => e.target.value && onRange(e.target.value, range.through)} />
        </Field>
        <Field label="Through" htmlFor={`${id}-through`}>
          <Input id={`${id}-through`} type="date" value={range.through} min={range.from} onChange={(e) => e.target.value && onRange(range.from, e.target.value)} />
        </Field>
        <Field label="Granularity" htmlFor={`${id}-granularity`}>
          <Select id={`${id}-granularity`} value={view.granularity} onChange={(e) => onGranularity(e.target.value as Granularity)}>
            {GRANULARITIES.map((g) => (
              <option key={g} value={g}>
                {GRANULARITY_LABELS[g]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Group by" htmlFor={`${id}-group-by`}>
          <Select
            id={`${id}-group-by`}
            value={primary ?? ""}
            onChange={(e) => {
              const next = e.target.value as CostDimension | "";
              onGroupBy(next ? [next, ...(secondary && secondary !== next ? [secondary] : [])] : []);
            }}
          >
            <option value="">Nothing (total only)</option>
            {COST_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {dimensionLabel(d)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Then by (table)" htmlFor={`${id}-then-by`}>
          <Select
            id={`${id}-then-by`}
            value={secondary ?? ""}
            disabled={!primary}
            onChange={(e) => {
              const next = e.target.value as CostDimension | "";
              onGroupBy(primary ? [primary, ...(next ? [next] : [])] : []);
            }}
          >
            <option value="">Nothing</option>
            {COST_DIMENSIONS.filter((d) => d !== primary).map((d) => (
              <option key={d} value={d}>
                {dimensionLabel(d)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <FilterBar filters={view.filters} knownValues={knownValues} onFilters={onFilters} />
    </div>
  );
}

function FilterBar({
  filters,
  knownValues,
  onFilters,
}: {
  filters: ExplorerView["filters"];
  knownValues: Partial<Record<CostDimension, string[]>>;
  onFilters: (dimension: CostDimension, values: string[]) => void;
}) {
  const id = useId();
  const [dimension, setDimension] = useState<CostDimension>("feature");
  const [value, setValue] = useState("");
  const suggestions = (knownValues[dimension] ?? []).filter((v) => !(filters[dimension] ?? []).includes(v));
  const active = COST_DIMENSIONS.flatMap((d) => (filters[d] ?? []).map((v) => ({ dimension: d, value: v })));

  function add(event: FormEvent) {
    event.preventDefault();
    const text = value.trim();
    if (!text) return;
    onFilters(dimension, [...new Set([...(filters[dimension] ?? []), text])]);
    setValue("");
  }

  return (
    <div className="space-y-2">
      <form onSubmit={add} className="flex flex-wrap items-end gap-2" aria-label="Add a filter">
        <div className="w-40">
          <Field label="Filter on" htmlFor={`${id}-dimension`}>
            <Select id={`${id}-dimension`} value={dimension} onChange={(e) => setDimension(e.target.value as CostDimension)}>
              {COST_DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {dimensionLabel(d)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="min-w-48 flex-1 sm:max-w-xs">
          <Field label="Value" htmlFor={`${id}-value`}>
            <Input id={`${id}-value`} list={`${id}-values`} value={value} placeholder={suggestions.length > 0 ? `e.g. ${suggestions[0]}` : "A value, or (untagged)"} onChange={(e) => setValue(e.target.value)} />
          </Field>
          <datalist id={`${id}-values`}>
            {suggestions.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        </div>
        <Button type="submit" variant="secondary" disabled={!value.trim()}>
          Add filter
        </Button>
      </form>
      {active.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label="Active filters">
          {active.map(({ dimension: d, value: v }) => (
            <li key={`${d}=${v}`} className="inline-flex items-center gap-1 rounded-full bg-accent-50 py-0.5 pl-2.5 pr-1 text-xs text-accent-700 ring-1 ring-inset ring-accent-100">
              <span>
                {dimensionLabel(d)}: <span className="font-medium">{v}</span>
              </span>
              <button
                type="button"
                className="rounded-full px-1.5 hover:bg-accent-100 focus:outline-none focus:ring-2 focus:ring-accent-500"
                aria-label={`Remove filter ${dimensionLabel(d)} ${v}`}
                onClick={() => onFilters(d, (filters[d] ?? []).filter((x) => x !== v))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
