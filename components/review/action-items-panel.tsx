"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createActionItemAction, updateActionItemAction } from "@/app/o/[slug]/review/actions";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { ACTION_ITEM_STATUSES, type ActionItemStatus, type WeekActionItemJson } from "@/lib/action-items/schemas";
import type { CsvTable } from "./review-tables";
import { weekPhrase } from "@/lib/weekly-review/present-review";

/** How each status reads. */
export const STATUS_LABELS: Record<ActionItemStatus, string> = { open: "Open", in_progress: "In progress", done: "Done", dropped: "Dropped" };
const STATUS_TONE: Record<ActionItemStatus, "neutral" | "accent" | "green" | "yellow"> = { open: "neutral", in_progress: "accent", done: "green", dropped: "yellow" };

const smallControl =
  "block h-8 w-full min-w-28 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-100 aria-invalid:border-red-400";

/** The CSV of the week's action items. */
export function actionItemsCsv(weekLabel: string, items: readonly WeekActionItemJson[]): CsvTable {
  return {
    filename: `review-${weekLabel}-action-items.csv`,
    header: ["id", "title", "owner", "due_date", "status", "raised_week", "carried_over", "closed_at", "note"],
    rows: items.map((i) => [i.id, i.title, i.owner, i.due_date, i.status, i.week, i.carried_over, i.closed_at, i.note]),
  };
}

function ItemBadges({ item }: { item: WeekActionItemJson }) {
  return (
    <span className="mt-1 flex flex-wrap gap-1">
      {item.carried_over ? <Badge tone="accent">Carried over from {weekPhrase(item.week)}</Badge> : null}
      {item.closed_later ? <Badge>Closed later</Badge> : null}
    </span>
  );
}

/** One row with inline edit: status, owner and due date, saved together. */
function ItemRow({ orgSlug, item, canWrite }: { orgSlug: string; item: WeekActionItemJson; canWrite: boolean }) {
  const router = useRouter();
  const [status, setStatus] = useState<ActionItemStatus>(item.status);
  const [owner, setOwner] = useState(item.owner ?? "");
  const [due, setDue] = useState(item.due_date ?? "");
  const mutation = useMutation({
    mutationFn: () => updateActionItemAction(orgSlug, item.id, { status, owner: owner.trim() || null, due_date: due || null }),
    onSuccess: (result) => {
      if (result.ok) router.refresh();
    },
  });
  const result = mutation.data;
  const errors = result && !result.ok ? result.fieldErrors : {};
  const dirty = status !== item.status || owner.trim() !== (item.owner ?? "") || due !== (item.due_date ?? "");
  const label = item.title;

  if (!canWrite) {
    return (
      <tr>
        <Td wrap className="min-w-56 max-w-md">
          <span className="font-medium text-slate-900">{item.title}</span>
          <ItemBadges item={item} />
        </Td>
        <Td>{item.owner ?? "—"}</Td>
        <Td>{item.due_date ?? "—"}</Td>
        <Td>
          <Badge tone={STATUS_TONE[item.status]}>{STATUS_LABELS[item.status]}</Badge>
        </Td>
        <Td />
      </tr>
    );
  }
  return (
    <tr>
      <Td wrap className="min-w-56 max-w-md">
        <span className="font-medium text-slate-900">{item.title}</span>
        <ItemBadges item={item} />
        {result && !result.ok ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {Object.values(result.fieldErrors).join("; ") || result.error}
          </p>
        ) : null}
      </Td>
      <Td>
        <input aria-label={`Owner of ${label}`} className={smallControl} value={owner} maxLength={200} onChange={(e) => setOwner(e.target.value)} aria-invalid={Boolean(errors.owner) || undefined} />
      </Td>
      <Td>
        <input type="date" aria-label={`Due date of ${label}`} className={smallControl} value={due} onChange={(e) => setDue(e.target.value)} aria-invalid={Boolean(errors.due_date) || undefined} />
      </Td>
      <Td>
        <select aria-label={`Status of ${label}`} className={smallControl} value={status} onChange={(e) => setStatus(e.target.value as ActionItemStatus)}>
          {ACTION_ITEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Td>
      <Td>
        <Button variant="secondary" className="h-8 px-2.5 text-xs" disabled={!dirty || mutation.isPending} onClick={() => mutation.mutate()} aria-label={`Save ${label}`}>
          {mutation.isPending ? "Saving…" : "Save"}
        </Button>
      </Td>
    </tr>
  );
}

/** The form that raises an item in the week under review, with errors beside their fields. */
function AddItemForm({ orgSlug, weekLabel }: { orgSlug: string; weekLabel: string }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState("");
  const mutation = useMutation({
    mutationFn: () => createActionItemAction(orgSlug, { title, owner: owner.trim() || null, due_date: due || null, week: weekLabel }),
    onSuccess: (result) => {
      if (!result.ok) return;
      setTitle("");
      setOwner("");
      setDue("");
      router.refresh();
    },
  });
  const result = mutation.data;
  const errors = result && !result.ok ? result.fieldErrors : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add an action item" className="mt-4 space-y-3 border-t border-slate-200 pt-4">
      {result && !result.ok ? <Alert>{Object.keys(result.fieldErrors).length > 0 ? "Check the fields marked below." : result.error}</Alert> : null}
      {mutation.isError ? <Alert>The item could not be saved. Try again.</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start">
        <Field label="New action item" htmlFor="action-item-title" error={errors.title}>
          <Input id="action-item-title" value={title} maxLength={200} placeholder="What will be done" onChange={(e) => setTitle(e.target.value)} invalid={Boolean(errors.title)} />
        </Field>
        <Field label="Owner" htmlFor="action-item-owner" error={errors.owner}>
          <Input id="action-item-owner" value={owner} maxLength={200} placeholder="Name or email" onChange={(e) => setOwner(e.target.value)} invalid={Boolean(errors.owner)} />
        </Field>
        <Field label="Due date" htmlFor="action-item-due" error={errors.due_date}>
          <Input id="action-item-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} invalid={Boolean(errors.due_date)} />
        </Field>
        <div className="sm:pt-6">
          <Button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? "Adding…" : "Add item"}
          </Button>
        </div>
      </div>
    </form>
  );
}

/** The week's action items: those raised this week and those carried over, editable inline by members who can write. */
export function ActionItemsPanel({ orgSlug, weekLabel, items, canWrite, readOnly = false }: { orgSlug: string; weekLabel: string; items: WeekActionItemJson[]; canWrite: boolean; readOnly?: boolean }) {
  const editable = canWrite && !readOnly;
  return (
    <>
      {items.length === 0 ? (
        <EmptyState title="No action items this week">{editable ? "Add what the team agrees to do; open items carry over to the next week until they are done or dropped." : "Open items carry over from week to week until they are done or dropped."}</EmptyState>
      ) : (
        <Table label="Action items">
          <thead>
            <tr>
              <Th>Item</Th>
              <Th>Owner</Th>
              <Th>Due</Th>
              <Th>Status</Th>
              <Th>
                {/* relative: an absolutely placed sr-only span would escape the table's scroll box and widen the page on a phone */}
                <span className="relative">
                  <span className="sr-only">Save</span>
                </span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((item) => (
              // The key includes updated_at so a row's local edits reset after the server answers.
              <ItemRow key={`${item.id}:${item.updated_at}`} orgSlug={orgSlug} item={item} canWrite={editable} />
            ))}
          </tbody>
        </Table>
      )}
      {editable ? <AddItemForm orgSlug={orgSlug} weekLabel={weekLabel} /> : null}
    </>
  );
}
