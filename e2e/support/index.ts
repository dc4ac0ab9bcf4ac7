/*
 * Helpers for Playwright specs. Specs run in parallel (fullyParallel, 2 workers, one shared
 * database), so each spec makes its own users and data with unique names and never relies on
 * data another spec made.
 */
import { randomBytes } from "node:crypto";

/** A short random lowercase hex string, e.g. "3f9a1c0b2e7d". */
export function uniqueId(bytes = 6): string {
  return randomBytes(bytes).toString("hex");
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "x";
}

/** A new, lowercase email address in the reserved .test domain, e.g. "e2e-owner-m3k2-3f9a1c0b2e7d@example.test". */
export function uniqueEmail(prefix = "user"): string {
  return `e2e-${slug(prefix)}-${Date.now().toString(36)}-${uniqueId()}@example.test`;
}

/** A unique display name for things a spec creates (teams, features, budgets...), e.g. "Checkout 3f9a1c". */
export function uniqueName(prefix = "E2E"): string {
  return `${prefix} ${uniqueId(3)}`;
}

/** A password that passes common strength rules (upper, lower, digit, symbol, 20+ characters). */
export function uniquePassword(): string {
  return `Pw-${uniqueId(8)}-X9!`;
}

/** The database the app under test uses (set by playwright.config.ts), for specs that seed rows directly. */
export function e2eDatabaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the specs through playwright.config.ts");
  return url;
}

/** The app's base URL, e.g. "http://127.0.0.1:3100" (also Playwright's `baseURL`). */
export function e2eBaseUrl(): string {
  return process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
}
