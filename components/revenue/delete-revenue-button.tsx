"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteRevenueAction } from "@/app/o/[slug]/settings/revenue/actions";
import { Button } from "@/components/ui/button";

/** Deletes one revenue row after a second click (the change is audited). */
export function DeleteRevenueButton({ orgSlug, month, feature, customer }: { orgSlug: string; month: string; feature: string; customer: string | null }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () => deleteRevenueAction(orgSlug, { month, feature, customer: customer ?? undefined }),
    onSuccess: (result) => {
      if (result.ok) router.refresh();
    },
  });
  const failed = mutation.data && !mutation.data.ok ? mutation.data.error : mutation.isError ? "Deleting failed; try again" : null;
  const what = `${month} · ${feature}${customer ? ` · ${customer}` : ""}`;
  if (!confirming) {
    return (
      <Button type="button" variant="ghost" className="h-7 px-2 text-xs" onClick={() => setConfirming(true)} aria-label={`Delete revenue ${what}`}>
        Delete
      </Button>
    );
  }
  return (
    <span role="group" aria-label={`Confirm deleting revenue ${what}`} className="inline-flex items-center gap-1">
      {failed ? <span role="alert" className="text-xs text-red-700">{failed}</span> : null}
      <Button type="button" variant="danger" className="h-7 px-2 text-xs" disabled={mutation.isPending} onClick={() => mutation.mutate()} autoFocus>
        {mutation.isPending ? "Deleting…" : "Delete"}
      </Button>
      <Button type="button" variant="ghost" className="h-7 px-2 text-xs" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </span>
  );
}
