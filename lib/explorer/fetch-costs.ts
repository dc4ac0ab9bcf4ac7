import type { CostsResult } from "@/lib/costs/query-costs";

/** A failed costs request, with the API's message (e.g. which parameter is wrong). */
export class CostsRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** `GET /api/v1/costs` for the signed-in session, with the view's canonical search params. */
export async function fetchCosts(orgSlug: string, search: string, signal?: AbortSignal): Promise<CostsResult> {
  const response = await fetch(costsUrl(orgSlug, search), { headers: { Accept: "application/json" }, signal });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && typeof body === "object" && "error" in body && typeof body.error === "string" ? body.error : `The costs request failed (HTTP ${response.status}).`;
    throw new CostsRequestError(message, response.status);
  }
  return body as CostsResult;
}

/** The API address for this view, optionally as CSV or FOCUS. */
export function costsUrl(orgSlug: string, search: string, format?: "csv" | "focus"): string {
  const params = new URLSearchParams(search);
  params.delete("format");
  if (format) params.set("format", format);
  const rest = params.toString();
  return `/api/v1/costs?org=${encodeURIComponent(orgSlug)}${rest ? `&${rest}` : ""}`;
}
