import type { AlertJson } from "@/lib/alerts/schemas";
import type { BudgetJson } from "@/lib/budgets/schemas";
import type { AlertFilter } from "./prepare-alert-feed";

/** How many alerts the feed page reads (the API's page limit). */
export const ALERT_FEED_LIMIT = 200;

/** A failed request to the budgets or alerts API, with the API's message. */
export class BudgetsViewRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string, what: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" }, signal });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && typeof body === "object" && "error" in body && typeof body.error === "string" ? body.error : `The ${what} request failed (HTTP ${response.status}).`;
    throw new BudgetsViewRequestError(message, response.status);
  }
  return body as T;
}

/** `GET /api/v1/budgets` for the signed-in session. */
export async function fetchBudgets(orgSlug: string, signal?: AbortSignal): Promise<BudgetJson[]> {
  const body = await getJson<{ budgets: BudgetJson[] }>(`/api/v1/budgets?org=${encodeURIComponent(orgSlug)}`, "budgets", signal);
  return body.budgets;
}

/** `GET /api/v1/budgets/{id}` for the signed-in session. */
export async function fetchBudget(orgSlug: string, budgetId: string, signal?: AbortSignal): Promise<BudgetJson> {
  return getJson<BudgetJson>(`/api/v1/budgets/${encodeURIComponent(budgetId)}?org=${encodeURIComponent(orgSlug)}`, "budget", signal);
}

/** The API address of the alert feed for a filter; acknowledged-only is filtered on the page (the API has no such parameter). */
export function alertFeedUrl(orgSlug: string, filter: AlertFilter): string {
  const params = new URLSearchParams({ org: orgSlug, limit: String(ALERT_FEED_LIMIT) });
  if (filter === "open") params.set("unacknowledged", "true");
  return `/api/v1/alerts?${params}`;
}

/** `GET /api/v1/alerts` for the signed-in session, newest first. */
export async function fetchAlertFeed(orgSlug: string, filter: AlertFilter, signal?: AbortSignal): Promise<AlertJson[]> {
  const body = await getJson<{ alerts: AlertJson[] }>(alertFeedUrl(orgSlug, filter), "alerts", signal);
  return body.alerts;
}
