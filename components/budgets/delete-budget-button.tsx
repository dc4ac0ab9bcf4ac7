"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteBudgetAction } from "@/app/o/[slug]/budgets/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { budgetsViewKeys } from "@/lib/budgets-view/query-keys";

/** Deletes a budget after an explicit confirmation; its alerts stay in the feed. */
export function DeleteBudgetButton({ orgSlug, budgetId, name }: { orgSlug: string; budgetId: string; name: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () => deleteBudgetAction(orgSlug, budgetId),
    onSuccess: async (result) => {
      if (!result.ok) return;
      await queryClient.invalidateQueries({ queryKey: budgetsViewKeys.org(orgSlug) });
      router.push(`/o/${orgSlug}/budgets`);
      router.refresh();
    },
  });
  const failed = mutation.data && !mutation.data.ok ? mutation.data.error : mutation.isError ? mutation.error.message : null;

  if (!confirming) {
    return (
      <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
        Delete budget
      </Button>
    );
  }
  return (
    <div role="group" aria-label="Confirm deletion" className="space-y-3 rounded-md border border-red-200 bg-red-50 p-3">
      <p className="text-sm text-red-900">
        Delete <strong>{name}</strong>? Its level stops being watched; its past alerts stay in the feed. This cannot be undone.
      </p>
      {failed ? <Alert>{failed}</Alert> : null}
      <div className="flex gap-2">
        <Button type="button" variant="danger" disabled={mutation.isPending} onClick={() => mutation.mutate()} autoFocus>
          {mutation.isPending ? "Deleting…" : "Yes, delete it"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
