"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { acknowledgeAlertAction } from "@/app/o/[slug]/alerts/actions";
import { Button } from "@/components/ui/button";
import { budgetsViewKeys } from "@/lib/budgets-view/query-keys";

/** Acknowledges one alert with an optional note: a button that opens a small form in place. */
export function AcknowledgeAlertForm({ orgSlug, alertId, title }: { orgSlug: string; alertId: string; title: string }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const mutation = useMutation({
    mutationFn: () => acknowledgeAlertAction(orgSlug, alertId, note),
    onSuccess: async (result) => {
      // A 409 (someone else acknowledged it first) also means the feed is out of date.
      await queryClient.invalidateQueries({ queryKey: budgetsViewKeys.alerts(orgSlug) });
      if (result.ok) setOpen(false);
    },
  });
  const failed = mutation.data && !mutation.data.ok ? (mutation.data.fieldErrors.note ?? mutation.data.error) : mutation.isError ? mutation.error.message : null;

  if (!open) {
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)} aria-label={`Acknowledge alert: ${title}`}>
        Acknowledge
      </Button>
    );
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.mutate();
  }
  return (
    <form onSubmit={submit} className="w-full space-y-2 sm:w-80" aria-label={`Acknowledge ${title}`}>
      <label htmlFor={`${id}-note`} className="block text-sm font-medium text-slate-700">
        Note (optional)
      </label>
      <textarea
        id={`${id}-note`}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={2000}
        rows={2}
        autoFocus
        placeholder="What was done about it"
        aria-invalid={failed ? true : undefined}
        aria-describedby={failed ? `${id}-error` : undefined}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-xs focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-100"
      />
      {failed ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
          {failed}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Acknowledge alert"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
