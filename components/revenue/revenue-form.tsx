"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, type FormEvent } from "react";
import { enterRevenueAction } from "@/app/o/[slug]/settings/revenue/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { RevenueInput } from "@/lib/revenue/schemas";

/** Records one month of revenue for a feature (optionally one customer); the same month, feature and customer replaces the amount. */
export function RevenueForm({ orgSlug, features, defaultMonth }: { orgSlug: string; features: string[]; defaultMonth: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const mutation = useMutation({
    mutationFn: (input: RevenueInput) => enterRevenueAction(orgSlug, input),
    onSuccess: (result) => {
      if (!result.ok) return;
      // Keep the month and feature for the next entry; clear what differs per row.
      const form = formRef.current;
      if (form) {
        (form.elements.namedItem("amount_usd") as HTMLInputElement).value = "";
        (form.elements.namedItem("customer") as HTMLInputElement).value = "";
      }
      router.refresh();
    },
  });
  const result = mutation.data;
  const errors = result && !result.ok ? result.fieldErrors : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    mutation.mutate({ month: text("month"), feature: text("feature"), customer: text("customer") || undefined, amount_usd: text("amount_usd").replace(/^\$/, "") });
  }

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-4" noValidate aria-label="Record revenue">
      {result?.ok ? (
        <Alert tone="success">
          Saved {result.data.month} · {result.data.feature}
          {result.data.customer ? ` · ${result.data.customer}` : ""}: ${result.data.amount_usd}.
        </Alert>
      ) : null}
      {result && !result.ok && Object.keys(errors).length === 0 ? <Alert>{result.error}</Alert> : null}
      {mutation.isError ? <Alert>Saving failed: the connection dropped. Try again.</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Month" htmlFor="revenue-month" error={errors.month}>
          <Input id="revenue-month" name="month" type="month" defaultValue={defaultMonth} placeholder="2026-10" invalid={Boolean(errors.month)} required />
        </Field>
        <Field label="Feature" htmlFor="revenue-feature" error={errors.feature} hint="As events name it.">
          <Input id="revenue-feature" name="feature" list="revenue-feature-options" autoComplete="off" invalid={Boolean(errors.feature)} required />
          <datalist id="revenue-feature-options">
            {features.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
        </Field>
        <Field label="Customer (optional)" htmlFor="revenue-customer" error={errors.customer} hint="Empty: the whole feature.">
          <Input id="revenue-customer" name="customer" autoComplete="off" invalid={Boolean(errors.customer)} />
        </Field>
        <Field label="Amount (USD)" htmlFor="revenue-amount" error={errors.amount_usd}>
          <Input id="revenue-amount" name="amount_usd" inputMode="decimal" placeholder="12500.00" invalid={Boolean(errors.amount_usd)} required />
        </Field>
      </div>
      <Button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Saving…" : "Save revenue"}
      </Button>
    </form>
  );
}
