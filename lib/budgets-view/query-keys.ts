/** TanStack Query keys for the budgets and alerts pages: one factory, so invalidation matches what was cached. */
export const budgetsViewKeys = {
  all: ["budgets-view"] as const,
  org: (orgSlug: string) => [...budgetsViewKeys.all, orgSlug] as const,
  budgets: (orgSlug: string) => [...budgetsViewKeys.org(orgSlug), "budgets"] as const,
  budget: (orgSlug: string, budgetId: string) => [...budgetsViewKeys.org(orgSlug), "budget", budgetId] as const,
  alerts: (orgSlug: string) => [...budgetsViewKeys.org(orgSlug), "alerts"] as const,
  /** `filter` is the feed's URL filter (`open`, `acknowledged`, `all`). */
  alertFeed: (orgSlug: string, filter: string) => [...budgetsViewKeys.alerts(orgSlug), filter] as const,
  /** One alert's delivery log (every attempt), read when someone opens it. */
  deliveryLog: (orgSlug: string, alertId: string) => [...budgetsViewKeys.alerts(orgSlug), "log", alertId] as const,
};
