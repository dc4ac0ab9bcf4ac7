"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { createOrganizationAction } from "@/app/onboarding/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

/** Names a new organization and opens it. */
export function CreateOrganizationForm() {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: createOrganizationAction,
    onSuccess: (result) => {
      if (result.ok) router.push(`/o/${result.data.slug}`);
    },
  });
  const failure = mutation.data && !mutation.data.ok ? mutation.data : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.mutate({ name: String(new FormData(event.currentTarget).get("name") ?? "") });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {failure ? <Alert>{failure.error}</Alert> : null}
      <Field label="Organization name" htmlFor="name" error={failure?.fieldErrors.name}>
        <Input id="name" name="name" required autoFocus invalid={Boolean(failure?.fieldErrors.name)} />
      </Field>
      <Button type="submit" className="w-full" disabled={mutation.isPending}>
        {mutation.isPending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
