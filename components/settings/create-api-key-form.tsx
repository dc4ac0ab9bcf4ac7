"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { createApiKeyAction } from "@/app/o/[slug]/settings/api-keys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input } from "@/components/ui/field";
import { API_KEY_SCOPES, type ApiKeyScope } from "@/lib/auth/permissions";

const scopeHelp: Record<ApiKeyScope, string> = {
  ingest: "send events, outcomes and revenue",
  read: "read costs, runs, budgets and everything else",
  manage: "create and change budgets, price overrides and findings",
};

/** Creates a key and shows its secret once. */
export function CreateApiKeyForm({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: (input: { name: string; scopes: ApiKeyScope[] }) => createApiKeyAction(orgSlug, input),
    onSuccess: () => router.refresh(),
  });
  const result = mutation.data;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ name: String(form.get("name") ?? ""), scopes: form.getAll("scopes").map(String) as ApiKeyScope[] });
    event.currentTarget.reset();
  }

  return (
    <div className="space-y-4">
      {result?.ok ? (
        <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-4" role="status">
          <p className="text-sm font-medium text-emerald-900">Key “{result.data.name}” created. Copy it now: it will not be shown again.</p>
          <div className="flex flex-wrap items-center gap-2">
            <code data-testid="new-api-key" className="break-all rounded bg-white px-2 py-1 font-mono text-sm text-slate-900 ring-1 ring-emerald-200">
              {result.data.secret}
            </code>
            <CopyButton value={result.data.secret} />
          </div>
        </div>
      ) : null}
      <form onSubmit={submit} className="grid gap-4 sm:grid-cols-[1fr_auto] sm:items-end" noValidate>
        <div className="space-y-4">
          {result && !result.ok ? <Alert>{result.error}</Alert> : null}
          <Field label="Key name" htmlFor="key-name" error={result && !result.ok ? result.fieldErrors.name : undefined} hint="Where it is used, e.g. “checkout service (prod)”.">
            <Input id="key-name" name="name" required maxLength={100} />
          </Field>
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Scopes</legend>
            <div className="mt-2 space-y-1.5">
              {API_KEY_SCOPES.map((scope) => (
                <label key={scope} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "ingest"} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
                  <span>
                    <span className="font-mono font-medium">{scope}</span> <span className="text-slate-500">— {scopeHelp[scope]}</span>
                  </span>
                </label>
              ))}
            </div>
            {result && !result.ok && result.fieldErrors.scopes ? <p className="mt-1 text-xs text-red-700">{result.fieldErrors.scopes}</p> : null}
          </fieldset>
        </div>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Creating…" : "Create key"}
        </Button>
      </form>
    </div>
  );
}
