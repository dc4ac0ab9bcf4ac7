/** TanStack Query keys for the workflow pages: one factory, so invalidation matches what was cached. */
export const workflowKeys = {
  all: ["workflows"] as const,
  org: (orgSlug: string) => [...workflowKeys.all, orgSlug] as const,
  /** One workflow's run list over a range, sorted by cost; pages are keyed by cursor inside the infinite query. */
  runs: (orgSlug: string, workflow: string, range: { from: string; to: string }) => [...workflowKeys.org(orgSlug), "runs", workflow, range.from, range.to] as const,
};
