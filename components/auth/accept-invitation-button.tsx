"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { acceptInvitationAction } from "@/app/invite/[token]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Accepts the invitation and opens the organization. */
export function AcceptInvitationButton({ token }: { token: string }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: acceptInvitationAction,
    onSuccess: (result) => {
      if (result.ok) router.push(`/o/${result.data.slug}`);
    },
  });
  return (
    <div className="space-y-3">
      {mutation.data && !mutation.data.ok ? <Alert>{mutation.data.error}</Alert> : null}
      <Button className="w-full" onClick={() => mutation.mutate(token)} disabled={mutation.isPending}>
        {mutation.isPending ? "Joining…" : "Accept invitation"}
      </Button>
    </div>
  );
}
