/** TanStack Query keys for the explorer: one factory, so invalidation matches what was cached. */
export const explorerKeys = {
  all: ["explorer"] as const,
  org: (orgSlug: string) => [...explorerKeys.all, orgSlug] as const,
  /** `params` is the canonical search string (see `canonicalSearch`), so equal views share a cache entry. */
  costs: (orgSlug: string, params: string) => [...explorerKeys.org(orgSlug), "costs", params] as const,
};
