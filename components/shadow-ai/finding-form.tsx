"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sanctionToolAction, updateFindingAction } from "@/app/o/[slug]/shadow-ai/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FINDING_STATUS_LABELS, FINDING_STATUS_VALUES } from "@/lib/shadow-ai/finding-labels";
import type { FindingStatus } from "@/lib/shadow-ai/schemas";

const textareaClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-100 aria-invalid:border-red-400";

/** Edits what people own on a finding (status, owner, note); the audit never overwrites them. */
export function FindingForm({ orgSlug, findingId, initial }: { orgSlug: string; findingId: string; initial: { status: FindingStatus; owner: string | null; note: string | null } }) {
  const router = useRouter();
  const [status, setStatus] = useState<FindingStatus>(initial.status);
  const [owner, setOwner] = useState(initial.owner ?? "");
  const [note, setNote] = useState(initial.note ?? "");
  const mutation = useMutation({
    mutationFn: () => updateFindingAction(orgSlug, findingId, { status, owner: owner.trim() || null, note: note.trim() || null }),
    onSuccess: (result) => {
      if (result.ok) router.refresh();
    },
  });
  const result = mutation.data;
  const errors = result && !result.ok ? result.fieldErrors : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Edit finding" className="space-y-4">
      {result && !result.ok ? <Alert>{Object.keys(result.fieldErrors).length > 0 ? "Check the fields marked below." : result.error}</Alert> : null}
      {result?.ok && !mutation.isPending ? <Alert tone="success">Saved. The audit keeps this status, owner and note when it runs again.</Alert> : null}
      {mutation.isError ? <Alert>The change could not be saved. Try again.</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Status" htmlFor="finding-status" error={errors.status}>
          <Select id="finding-status" value={status} onChange={(e) => setStatus(e.target.value as FindingStatus)} invalid={Boolean(errors.status)}>
            {FINDING_STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {FINDING_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Owner" htmlFor="finding-owner" error={errors.owner} hint="Who fixes it: a name or email.">
          <Input id="finding-owner" value={owner} maxLength={200} onChange={(e) => setOwner(e.target.value)} invalid={Boolean(errors.owner)} />
        </Field>
      </div>
      <Field label="Note" htmlFor="finding-note" error={errors.note}>
        <textarea
          id="finding-note"
          rows={3}
          maxLength={5000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={Boolean(errors.note) || undefined}
          aria-describedby={errors.note ? "finding-note-error" : undefined}
          className={textareaClass}
        />
      </Field>
      <Button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}

/** Adds the finding's tool to the sanctioned list; the audit re-runs at once. */
export function SanctionToolButton({ orgSlug, vendorId, name }: { orgSlug: string; vendorId: string; name: string }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () => sanctionToolAction(orgSlug, { vendor_id: vendorId }),
    onSuccess: (result) => {
      if (result.ok) router.refresh();
    },
  });
  const result = mutation.data;
  return (
    <div className="space-y-2">
      <Button type="button" variant="secondary" disabled={mutation.isPending || result?.ok} onClick={() => mutation.mutate()}>
        {mutation.isPending ? "Adding…" : `Add ${name} to sanctioned tools`}
      </Button>
      {result?.ok ? <Alert tone="success">{name} is sanctioned; its card spend now counts as inside governance.</Alert> : null}
      {result && !result.ok ? <Alert>{result.error}</Alert> : null}
      {mutation.isError ? <Alert>The tool could not be added. Try again.</Alert> : null}
    </div>
  );
}
