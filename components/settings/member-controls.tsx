"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { changeMemberRoleAction, removeMemberAction, revokeInvitationAction } from "@/app/o/[slug]/settings/members/actions";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/db/generated/enums";
import type { ActionResult } from "@/lib/http/action-result";

function useRefreshingMutation<A>(fn: (arg: A) => Promise<ActionResult<unknown>>) {
  const router = useRouter();
  return useMutation({ mutationFn: fn, onSuccess: () => router.refresh() });
}

function ErrorText({ result }: { result?: ActionResult<unknown> }) {
  return result && !result.ok ? (
    <span role="alert" className="text-xs text-red-700">
      {result.error}
    </span>
  ) : null;
}

/** A member's role, changeable in place by those who manage members. */
export function MemberRoleSelect({ orgSlug, userId, email, role, roles }: { orgSlug: string; userId: string; email: string; role: Role; roles: Role[] }) {
  const mutation = useRefreshingMutation((next: Role) => changeMemberRoleAction(orgSlug, { userId, role: next }));
  return (
    <span className="inline-flex items-center gap-2">
      <select
        aria-label={`Role of ${email}`}
        defaultValue={role}
        disabled={mutation.isPending}
        onChange={(e) => mutation.mutate(e.target.value as Role)}
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
      >
        {[...new Set([role, ...roles])].map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <ErrorText result={mutation.data} />
    </span>
  );
}

/** Removes a member after confirmation. */
export function RemoveMemberButton({ orgSlug, userId, email }: { orgSlug: string; userId: string; email: string }) {
  const mutation = useRefreshingMutation(() => removeMemberAction(orgSlug, userId));
  return (
    <span className="inline-flex items-center gap-2">
      <ErrorText result={mutation.data} />
      <Button
        variant="danger"
        className="h-8 text-xs"
        aria-label={`Remove ${email}`}
        disabled={mutation.isPending}
        onClick={() => window.confirm(`Remove ${email} from this organization?`) && mutation.mutate(undefined)}
      >
        Remove
      </Button>
    </span>
  );
}

/** Withdraws a pending invitation. */
export function RevokeInvitationButton({ orgSlug, id, email }: { orgSlug: string; id: string; email: string }) {
  const mutation = useRefreshingMutation(() => revokeInvitationAction(orgSlug, id));
  return (
    <span className="inline-flex items-center gap-2">
      <ErrorText result={mutation.data} />
      <Button variant="secondary" className="h-8 text-xs" aria-label={`Withdraw invitation for ${email}`} disabled={mutation.isPending} onClick={() => mutation.mutate(undefined)}>
        Withdraw
      </Button>
    </span>
  );
}
