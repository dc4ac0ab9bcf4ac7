"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { inviteMemberAction } from "@/app/o/[slug]/settings/members/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input, Select } from "@/components/ui/field";
import type { Role } from "@/lib/db/generated/enums";

/** Invites a person by email with a role and shows the link to pass on. */
export function InviteMemberForm({ orgSlug, roles }: { orgSlug: string; roles: Role[] }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (input: { email: string; role: Role }) => inviteMemberAction(orgSlug, input),
    onSuccess: (result) => {
      if (result.ok) router.refresh();
    },
  });
  const result = mutation.data;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ email: String(form.get("email") ?? ""), role: String(form.get("role")) as Role });
  }

  return (
    <div className="space-y-4">
      {result?.ok ? (
        <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-4" role="status">
          <p className="text-sm text-emerald-900">
            Invitation for <strong>{result.data.email}</strong> ({result.data.role}) created.{" "}
            {result.data.emailed ? "An email with the link is on its way." : "Email is not configured: send them this link."}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <code data-testid="invitation-link" className="break-all rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-emerald-200">
              {result.data.link}
            </code>
            <CopyButton value={result.data.link} label="Copy link" />
          </div>
        </div>
      ) : null}
      {result && !result.ok ? <Alert>{result.error}</Alert> : null}
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end" noValidate>
        <Field label="Email" htmlFor="invite-email" error={result && !result.ok ? result.fieldErrors.email : undefined}>
          <Input id="invite-email" name="email" type="email" required />
        </Field>
        <Field label="Role" htmlFor="invite-role">
          <Select id="invite-role" name="role" defaultValue="VIEWER">
            {roles.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Inviting…" : "Invite"}
        </Button>
      </form>
    </div>
  );
}
