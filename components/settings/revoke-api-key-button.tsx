"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { revokeApiKeyAction } from "@/app/o/[slug]/settings/api-keys/actions";
import { Button } from "@/components/ui/button";

/** Revokes a key after confirmation; requests with it fail from then on. */
export function RevokeApiKeyButton({ orgSlug, id, name }: { orgSlug: string; id: string; name: string }) {
  const router = useRouter();
  const mutation = useMutation({ mutationFn: () => revokeApiKeyAction(orgSlug, id), onSuccess: () => router.refresh() });
  return (
    <span className="inline-flex items-center gap-2">
      {mutation.data && !mutation.data.ok ? <span className="text-xs text-red-700">{mutation.data.error}</span> : null}
      <Button
        variant="danger"
        className="h-8 text-xs"
        disabled={mutation.isPending}
        aria-label={`Revoke ${name}`}
        onClick={() => {
          if (window.confirm(`Revoke “${name}”? Anything using it will stop working.`)) mutation.mutate();
        }}
      >
        {mutation.isPending ? "Revoking…" : "Revoke"}
      </Button>
    </span>
  );
}
