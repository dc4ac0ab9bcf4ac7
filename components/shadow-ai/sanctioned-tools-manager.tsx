"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sanctionToolAction, unsanctionToolAction } from "@/app/o/[slug]/shadow-ai/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import type { SanctionedToolView } from "@/lib/shadow-ai/sanctioned-tools";

/** A catalog entry the select offers, grouped by category. */
export type CatalogOption = { id: string; name: string; category: string };

function RemoveButton({ orgSlug, tool }: { orgSlug: string; tool: SanctionedToolView }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () => unsanctionToolAction(orgSlug, tool.vendor_id),
    onSuccess: (result) => {
      if (result.ok) router.refresh();
    },
  });
  const failed = mutation.data && !mutation.data.ok ? mutation.data.error : mutation.isError ? "The tool could not be removed. Try again." : null;
  const name = `${tool.vendor} ${tool.product}`.trim();
  if (!confirming) {
    return (
      <Button type="button" variant="ghost" className="h-8 px-2 text-red-700" onClick={() => setConfirming(true)} aria-label={`Remove ${name}`}>
        Remove
      </Button>
    );
  }
  return (
    <div role="group" aria-label={`Confirm removing ${name}`} className="flex flex-wrap items-center justify-end gap-2">
      {failed ? <span className="text-xs text-red-700">{failed}</span> : null}
      <span className="text-xs text-slate-600">Its spend counts as outside governance again.</span>
      <Button type="button" variant="danger" className="h-8" disabled={mutation.isPending} onClick={() => mutation.mutate()} autoFocus>
        {mutation.isPending ? "Removing…" : "Yes, remove"}
      </Button>
      <Button type="button" variant="secondary" className="h-8" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </div>
  );
}

function AddForm({ orgSlug, options }: { orgSlug: string; options: CatalogOption[] }) {
  const router = useRouter();
  const [vendorId, setVendorId] = useState("");
  const [licenses, setLicenses] = useState("");
  const [note, setNote] = useState("");
  const mutation = useMutation({
    mutationFn: () =>
      sanctionToolAction(orgSlug, { vendor_id: vendorId, note: note.trim() || null, licenses: licenses.trim() === "" ? null : Number(licenses) }),
    onSuccess: (result) => {
      if (!result.ok) return;
      setVendorId("");
      setLicenses("");
      setNote("");
      router.refresh();
    },
  });
  const result = mutation.data;
  const errors = result && !result.ok ? result.fieldErrors : {};
  const categories = [...new Set(options.map((o) => o.category))];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add a sanctioned tool" className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      {result && !result.ok ? <Alert>{Object.keys(result.fieldErrors).length > 0 ? "Check the fields marked below." : result.error}</Alert> : null}
      {result?.ok ? <Alert tone="success">{`${result.data.vendor} ${result.data.product}`.trim()} is sanctioned; findings were updated.</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_2fr_auto] sm:items-end">
        <Field label="Tool" htmlFor="sanction-tool" error={errors.vendor_id}>
          <Select id="sanction-tool" value={vendorId} onChange={(e) => setVendorId(e.target.value)} invalid={Boolean(errors.vendor_id)} required>
            <option value="">Choose a tool from the catalog…</option>
            {categories.map((category) => (
              <optgroup key={category} label={category}>
                {options
                  .filter((o) => o.category === category)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Field label="Licenses (optional)" htmlFor="sanction-licenses" error={errors.licenses}>
          <Input id="sanction-licenses" inputMode="numeric" value={licenses} onChange={(e) => setLicenses(e.target.value)} invalid={Boolean(errors.licenses)} />
        </Field>
        <Field label="Note (optional)" htmlFor="sanction-note" error={errors.note}>
          <Input id="sanction-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} invalid={Boolean(errors.note)} placeholder="e.g. company plan, owner IT" />
        </Field>
        <Button type="submit" disabled={!vendorId || mutation.isPending}>
          {mutation.isPending ? "Adding…" : "Add tool"}
        </Button>
      </div>
    </form>
  );
}

/** The organization's sanctioned tools, with add (from the catalog) and remove for those who manage Shadow AI. */
export function SanctionedToolsManager({ orgSlug, tools, options, canManage }: { orgSlug: string; tools: SanctionedToolView[]; options: CatalogOption[]; canManage: boolean }) {
  const sanctioned = new Set(tools.map((t) => t.vendor_id));
  return (
    <div>
      {tools.length === 0 ? (
        <EmptyState title="No sanctioned tools yet">
          Every AI tool paid on cards counts as outside governance until it is sanctioned here. Sanction the tools the organization licenses centrally.
        </EmptyState>
      ) : (
        <>
          <div className="mb-3 flex justify-end">
            <CsvExportButton
              filename={`${orgSlug}-sanctioned-tools.csv`}
              header={["vendor_id", "vendor", "product", "licenses", "note", "added_at"]}
              rows={tools.map((t) => [t.vendor_id, t.vendor, t.product, t.licenses ?? "", t.note ?? "", t.created_at])}
            />
          </div>
          <Table label="Sanctioned tools">
            <thead>
              <tr>
                <Th>Vendor</Th>
                <Th>Product</Th>
                <Th numeric>Licenses</Th>
                <Th>Note</Th>
                {canManage ? <Th /> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tools.map((t) => (
                <tr key={t.vendor_id}>
                  <Td className="text-slate-900">{t.vendor}</Td>
                  <Td>{t.product}</Td>
                  <Td numeric>{t.licenses ?? "—"}</Td>
                  <td className="min-w-48 px-5 py-2.5 text-slate-700">{t.note ?? <span className="text-slate-400">—</span>}</td>
                  {canManage ? (
                    <td className="px-5 py-1.5 text-right">
                      <RemoveButton orgSlug={orgSlug} tool={t} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
      {canManage ? <AddForm orgSlug={orgSlug} options={options.filter((o) => !sanctioned.has(o.id))} /> : null}
    </div>
  );
}
