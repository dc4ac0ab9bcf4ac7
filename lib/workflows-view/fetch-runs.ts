import type { RunListItem } from "@/lib/runs/schemas";

export type RunsPage = { runs: RunListItem[]; next_cursor: string | null };

/** The address of one page of a workflow's runs, sorted by cost, for the signed-in session. */
export function runsPageUrl(orgSlug: string, workflow: string, range: { from: string; to: string }, cursor: string | null): string {
  const params = new URLSearchParams({ org: orgSlug, workflow, sort: "cost", from: range.from, to: range.to });
  if (cursor) params.set("cursor", cursor);
  return `/api/v1/runs?${params}`;
}

/** `GET /api/v1/runs` for one page; throws with the API's message on failure. */
export async function fetchRunsPage(url: string, signal?: AbortSignal): Promise<RunsPage> {
  const response = await fetch(url, { headers: { Accept: "application/json" }, signal });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && typeof body === "object" && "error" in body && typeof body.error === "string" ? body.error : `Loading runs failed (HTTP ${response.status}).`;
    throw new Error(message);
  }
  return body as RunsPage;
}
