"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { deleteOrganizationAction, leaveOrganizationAction, updateOrganizationAction } from "@/app/o/[slug]/settings/organization/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

/** Name and time zone of the organization. */
export function OrganizationDetailsForm({ orgSlug, name, timeZone, timeZones, editable }: { orgSlug: string; name: string; timeZone: string; timeZones: string[]; editable: boolean }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (input: { name: string; timeZone: string }) => updateOrganizationAction(orgSlug, input),
    onSuccess: () => router.refresh(),
  });
  const result = mutation.data;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ name: String(form.get("name") ?? ""), timeZone: String(form.get("timeZone") ?? "") });
  }
  return (
    <form onSubmit={submit} className="max-w-md space-y-4" noValidate>
      {result?.ok ? <Alert tone="success">Saved.</Alert> : null}
      {result && !result.ok ? <Alert>{result.error}</Alert> : null}
      <Field label="Name" htmlFor="org-name" error={result && !result.ok ? result.fieldErrors.name : undefined}>
        <Input id="org-name" name="name" defaultValue={name} disabled={!editable} required />
      </Field>
      <Field label="Time zone" htmlFor="org-tz" hint="Sets the organization's days, weeks (from Monday), months and quarters for budgets, reports and charts." error={result && !result.ok ? result.fieldErrors.timeZone : undefined}>
        <Select id="org-tz" name="timeZone" defaultValue={timeZone} disabled={!editable}>
          {timeZones.map((tz) => (
            <option key={tz} value={tz}>
              {tz}
            </option>
          ))}
        </Select>
      </Field>
      {editable ? (
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Save"}
        </Button>
      ) : (
        <p className="text-sm text-slate-500">Only owners and admins change these.</p>
      )}
    </form>
  );
}

/** Leave the organization (refused for its last owner, with the reason). */
export function LeaveOrganizationButton({ orgSlug, orgName }: { orgSlug: string; orgName: string }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () => leaveOrganizationAction(orgSlug),
    onSuccess: (result) => {
      if (result.ok) router.push("/");
    },
  });
  return (
    <div className="space-y-2">
      {mutation.data && !mutation.data.ok ? <Alert>{mutation.data.error}</Alert> : null}
      <Button variant="secondary" disabled={mutation.isPending} onClick={() => window.confirm(`Leave ${orgName}?`) && mutation.mutate()}>
        Leave {orgName}
      </Button>
    </div>
  );
}

/** Delete the organization: typing its name confirms. */
export function DeleteOrganizationForm({ orgSlug, orgName }: { orgSlug: string; orgName: string }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (confirmName: string) => deleteOrganizationAction(orgSlug, confirmName),
    onSuccess: (result) => {
      if (result.ok) router.push("/");
    },
  });
  const result = mutation.data;
  return (
    <form
      className="max-w-md space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate(String(new FormData(event.currentTarget).get("confirmName") ?? ""));
      }}
      noValidate
    >
      {result && !result.ok ? <Alert>{result.error}</Alert> : null}
      <Field label={`Type “${orgName}” to confirm`} htmlFor="confirm-name" error={result && !result.ok ? result.fieldErrors.confirmName : undefined}>
        <Input id="confirm-name" name="confirmName" autoComplete="off" />
      </Field>
      <Button type="submit" variant="danger" disabled={mutation.isPending}>
        Delete organization and all its data
      </Button>
    </form>
  );
}
