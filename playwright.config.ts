import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

/*
 * End-to-end tests: Debian's Chromium (never a browser Playwright downloads) against the app
 * started with `npm start` on 127.0.0.1.
 *
 * `npm test` (scripts/test-all.sh) builds the app and sets:
 *   E2E_DATABASE_URL     a fresh database made for this run
 *   E2E_PORT             a free port (from 3100 up)
 *   E2E_NEXTAUTH_SECRET  a random secret for this run
 *
 * Run alone (`npx next build && npx playwright test`), it needs one of
 *   E2E_DATABASE_URL     the database the app under test uses (migrations are applied to it), or
 *   TEST_DATABASE_URL    used as is when E2E_DATABASE_URL is unset,
 * e.g. `eval "$(bash scripts/pg-test-cluster.sh start)"` first. E2E_PORT defaults to 3100.
 *
 * The values are written back into process.env here, so the worker processes (which inherit the
 * runner's environment) and e2e/support see the same ones.
 */

const databaseUrl = process.env.E2E_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!databaseUrl) {
  throw new Error(
    "playwright.config.ts: set E2E_DATABASE_URL or TEST_DATABASE_URL to the PostgreSQL database the app under test " +
      "should use (for a throwaway one: eval \"$(bash scripts/pg-test-cluster.sh start)\"), or run `npm test`.",
  );
}
const port = Number(process.env.E2E_PORT || 3100);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  throw new Error(`playwright.config.ts: E2E_PORT=${process.env.E2E_PORT} is not a port number`);
}
const baseURL = `http://127.0.0.1:${port}`;
const nextAuthSecret = process.env.E2E_NEXTAUTH_SECRET || randomBytes(32).toString("hex");

process.env.E2E_DATABASE_URL = databaseUrl;
process.env.E2E_PORT = String(port);
process.env.E2E_BASE_URL = baseURL;
process.env.E2E_NEXTAUTH_SECRET = nextAuthSecret;

const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
  throw new Error(
    `playwright.config.ts: ${chromiumPath} not found. Install Debian's Chromium (apt-get install -y chromium); ` +
      "Playwright's own browser download does not work here.",
  );
}

const isCI = !!process.env.CI;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  // Two cores run the app, its database and two browsers: allow for it.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalTimeout: 40 * 60_000,
  reporter: [
    ["list"],
    // scripts/test-all.sh points PLAYWRIGHT_JSON_OUTPUT_FILE elsewhere; this is the default.
    ["json", { outputFile: "playwright-report/results.json" }],
  ],
  use: {
    baseURL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    // Applies migrations to DATABASE_URL, builds only when the build is stale, then serves.
    command: "npm start",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: nextAuthSecret,
      NEXT_TELEMETRY_DISABLED: "1",
      // The budget worker evaluates every 2 s, so e2e/budgets.spec.ts sees level changes quickly.
      MARGINAL_BUDGET_EVAL_INTERVAL_MS: "2000",
    },
  },
});
