import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail, uniqueId, uniqueName, uniquePassword } from "./support";

async function signUp(page: Page) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Wendy Workflow");
  await page.getByLabel("Work email").fill(uniqueEmail("workflows"));
  await page.getByLabel("Password").fill(uniquePassword());
  await page.getByLabel("Organization name").fill(uniqueName("Workflows"));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

async function createIngestReadKey(page: Page): Promise<string> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).first().click();
  await page.getByLabel("Key name").fill("workflows e2e");
  await page.getByRole("checkbox", { name: /^ingest/ }).check();
  await page.getByRole("checkbox", { name: /^read/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  return (await page.getByTestId("new-api-key").textContent())!.trim();
}

test("workflows: summary, run list by cost, and a run's waterfall with its most expensive call", async ({ page }) => {
  await signUp(page);
  const orgSlug = new URL(page.url()).pathname.split("/")[2];
  const secret = await createIngestReadKey(page);

  const dear = `triage-dear-${uniqueId()}`;
  const cheap = `triage-cheap-${uniqueId()}`;
  const start = Date.now() - 2 * 3_600_000;
  const call = (run: string, n: number, step: string, model: string, cost: string, latency: number) => ({
    id: `${run}-${n}`,
    timestamp: new Date(start + n * 1000).toISOString(),
    provider: "openai",
    model,
    usage: { input_tokens: 100 * (n + 1), output_tokens: 20 },
    cost_usd: cost,
    latency_ms: latency,
    workflow: "triage",
    run_id: run,
    step,
  });
  const events = [
    call(dear, 0, "classify", "gpt-4o-mini", "0.01", 400),
    call(dear, 1, "draft", "gpt-4o", "0.5", 900),
    call(dear, 2, "check", "gpt-4o-mini", "0.02", 300),
    ...[0, 1, 2, 3].map((n) => call(cheap, n, `step-${n}`, "gpt-4o-mini", "0.01", 200)),
  ];
  const auth = { Authorization: `Bearer ${secret}` };
  const ingest = await page.request.post("/api/v1/events", { headers: auth, data: { events } });
  expect(ingest.status()).toBe(200);
  expect(await ingest.json()).toMatchObject({ accepted: 7, rejected: 0 });
  const outcome = await page.request.post("/api/v1/outcomes", { headers: auth, data: { outcomes: [{ run_id: dear, outcome: "success" }] } });
  expect(outcome.status()).toBe(200);

  // The summary: triage with its two runs and the one outcome.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workflows" }).click();
  await expect(page.getByRole("heading", { name: "Workflows" })).toBeVisible();
  const triage = page.getByRole("table", { name: "Workflows" }).getByRole("row").filter({ hasText: "triage" });
  await expect(triage.getByRole("cell").nth(1)).toHaveText("2");
  await expect(triage).toContainText("100%");
  await expect(page.getByRole("img", { name: "Histogram of cost per run for triage" })).toBeVisible();

  // The run list: dearest first.
  await triage.getByRole("link", { name: "triage" }).click();
  await expect(page.getByRole("heading", { name: "triage" })).toBeVisible();
  const runRows = page.getByRole("table", { name: "Runs" }).getByRole("row");
  await expect(runRows).toHaveCount(3);
  await expect(runRows.nth(1)).toContainText(dear);
  await expect(runRows.nth(1)).toContainText("success");
  await expect(runRows.nth(2)).toContainText(cheap);

  // The run page: calls in order, the dearest highlighted with its cost, totals as the API says.
  await runRows.nth(1).getByRole("link", { name: dear }).click();
  await expect(page.getByRole("heading", { name: `Run ${dear}` })).toBeVisible();
  const calls = page.getByTestId("waterfall-row");
  await expect(calls).toHaveCount(3);
  await expect(calls.nth(0)).toContainText("classify");
  await expect(calls.nth(1)).toContainText("draft");
  await expect(calls.nth(2)).toContainText("check");
  const dearest = page.locator('[data-testid="waterfall-row"][data-most-expensive]');
  await expect(dearest).toHaveCount(1);
  await expect(dearest).toContainText("draft");
  await expect(dearest.getByTestId("call-cost")).toHaveText("$0.5");
  await expect(page.getByRole("link", { name: "Jump to most expensive call" })).toHaveAttribute("href", `#call-${dear}-1`);

  const api = await page.request.get(`/api/v1/runs/${encodeURIComponent(dear)}?org=${orgSlug}`);
  expect(api.status()).toBe(200);
  const run = (await api.json()) as { cost_usd: string; steps: number; most_expensive_call_id: string };
  expect(run).toMatchObject({ cost_usd: "0.53", steps: 3, most_expensive_call_id: `${dear}-1` });
  await expect(page.getByTestId("run-cost")).toHaveText("$0.53");
  await expect(page.getByTestId("run-steps")).toHaveText(String(run.steps));
  await expect(page.getByTestId("run-outcome")).toHaveText("success");

  // An unknown run is a 404 page.
  await page.goto(`/o/${orgSlug}/runs/no-such-run-${uniqueId()}`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
