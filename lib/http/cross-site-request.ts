import type { NextRequest } from "next/server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a browser sent this state-changing request from another site (CSRF). Only requests
 * that ride on the session cookie need the check: a bearer key is never sent by a browser on its
 * own. Browsers send `Origin` on every cross-origin POST/PUT/PATCH/DELETE and `Sec-Fetch-Site` on
 * every request; a client that sends neither is not a browser, so it cannot be a forged request.
 * The host is compared as Next.js does for server actions (X-Forwarded-Host behind a proxy).
 */
export function isCrossSiteWrite(req: NextRequest): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return false;
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const host = req.headers.get("x-forwarded-host")?.split(",")[0].trim() || req.headers.get("host");
  if (origin === "null" || !host) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
