"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createPriceOverrideAction, type PriceFormInput } from "@/app/o/[slug]/settings/prices/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

const priceFields = [
  ["input", "Input", "input_price"],
  ["output", "Output", "output_price"],
  ["cacheRead", "Cache read", "cache_read_price"],
  ["cacheWrite", "Cache write", "cache_write_price"],
  ["reasoning", "Reasoning", "reasoning_price"],
] as const;

/** Adds a negotiated discount or a custom per-token price, effective from a date. */
export function PriceOverrideForm({ orgSlug, today }: { orgSlug: string; today: string }) {
  const router = useRouter();
  const [kind, setKind] = useState<"discount" | "custom">("custom");
  const mutation = useMutation({
    mutationFn: (input: PriceFormInput) => createPriceOverrideAction(orgSlug, input),
    onSuccess: (result) => {
      if (result.ok) router.refresh();
    },
  });
  const result = mutation.data;
  const errors = result && !result.ok ? result.fieldErrors : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    mutation.mutate({
      kind,
      provider: text("provider"),
      model: text("model"),
      discountPct: text("discountPct"),
      perMillion: Object.fromEntries(priceFields.map(([name]) => [name, text(name)])),
      effectiveFrom: text("effectiveFrom"),
      reprice: form.get("reprice") === "on",
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {result?.ok ? (
        <Alert tone="success">
          Price saved.{" "}
          {result.data.pricedUnpriced ? `${result.data.pricedUnpriced.toLocaleString("en-US")} unpriced events are now priced. ` : ""}
          {result.data.repriced ? `${result.data.repriced.events.toLocaleString("en-US")} events re-priced (change: $${result.data.repriced.deltaUsd}).` : ""}
        </Alert>
      ) : null}
      {result && !result.ok ? <Alert>{result.error}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Kind" htmlFor="price-kind">
          <Select id="price-kind" value={kind} onChange={(e) => setKind(e.target.value as "discount" | "custom")}>
            <option value="custom">Custom price for a model</option>
            <option value="discount">Discount on a provider</option>
          </Select>
        </Field>
        <Field label="Provider" htmlFor="price-provider" error={errors.provider} hint="As events name it, e.g. openai, self_hosted.">
          <Input id="price-provider" name="provider" required />
        </Field>
        {kind === "custom" ? (
          <Field label="Model" htmlFor="price-model" error={errors.model}>
            <Input id="price-model" name="model" required />
          </Field>
        ) : (
          <Field label="Discount (%)" htmlFor="price-discount" error={errors.discount_pct}>
            <Input id="price-discount" name="discountPct" inputMode="decimal" required />
          </Field>
        )}
      </div>
      {kind === "custom" ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">USD per million tokens</legend>
          <p className="text-xs text-slate-500">Empty cache prices fall back to the input price; an empty reasoning price to the output price.</p>
          <div className="mt-2 grid gap-4 sm:grid-cols-5">
            {priceFields.map(([name, label, path]) => (
              <Field key={name} label={label} htmlFor={`price-${name}`} error={errors[path]}>
                <Input id={`price-${name}`} name={name} inputMode="decimal" placeholder={name === "input" || name === "output" ? "required" : "optional"} />
              </Field>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3 sm:items-end">
        <Field label="Effective from" htmlFor="price-from" error={errors.effective_from} hint="Events from this date (UTC) use this price.">
          <Input id="price-from" name="effectiveFrom" type="date" defaultValue={today} required />
        </Field>
        <label className="flex items-start gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="reprice" className="mt-0.5 h-4 w-4 rounded border-slate-300" />
          <span>Re-price past events from that date (recorded in the audit log). Unpriced events are always priced.</span>
        </label>
      </div>
      <Button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Saving and re-pricing…" : "Save price"}
      </Button>
    </form>
  );
}
