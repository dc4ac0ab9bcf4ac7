import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail, uniqueId, uniqueName, uniquePassword } from "./support";
import { createApiKeyInPage, joinByInvitation, signUpWithOrganization } from "./support/session";

/*
 * Issue 5's end-to-end journey: a finance member creates a budget on the page; events ingested
 * through the API push it to yellow, then red, and the open page follows each change without a
 * reload (TanStack Query polls the budgets API while the worker re-evaluates); the alert feed then
 * has both alerts and one is acknowledged with a note. The server runs the budget worker every 2 s
 * (playwright.config.ts), so a change shows within a few seconds.
 */

/** Posts calls of the given costs (USD) for the organization, now, to one workflow. */
async function ingest(page: Page, key: string, costs: string[]) {
  const now = Date.now();
  const events = costs.map((cost, i) => ({
    id: `budget-e2e-${uniqueId()}`,
    // Inside this UTC month and before now, even just after midnight on the 1st.
    timestamp: new Date(now - (costs.length - i) * 50).toISOString(),
    provider: "openai",
    model: "gpt-4o-mini",
    usage: { input_tokens: 1000, output_tokens: 200 },
    cost_usd: cost,
    latency_ms: 250,
    feature: "assistant",
    workflow: "triage",
    run_id: `triage-${uniqueId()}`,
  }));
  const response = await page.request.post("/api/v1/events", { headers: { Authorization: `Bearer ${key}` }, data: { events } });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ accepted: events.length, rejected: 0 });
}

test("finance: creates a budget, sees it turn yellow then red without a reload, and acknowledges an alert with a note", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const orgPath = await signUpWithOrganization(page, "Owner Bo");
  const ingestKey = await createApiKeyInPage(page, orgPath, ["ingest"]);

  // The finance person joins through an invitation.
  const { context, member: finance } = await joinByInvitation(page, browser, orgPath, "FINANCE");

  // No budgets yet: the empty state explains them and leads to the form.
  await finance.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Budgets" }).first().click();
  await expect(finance.getByRole("heading", { level: 1, name: "Budgets" })).toBeVisible();
  await expect(finance.getByText("No budgets yet").first()).toBeVisible();
  await finance.getByRole("link", { name: "Create a budget" }).click();

  // A field error names its field, next to it.
  const name = uniqueName("AI spend");
  await finance.getByLabel("Name").fill(name);
  await finance.getByLabel("Amount (USD)").fill("-5");
  await finance.getByRole("button", { name: "Create budget" }).click();
  await expect(finance.locator("#budget-amount-error")).toContainText("positive USD amount");

  await finance.getByLabel("Amount (USD)").fill("10");
  // The cap is off, so only the thresholds move this budget.
  await finance.getByLabel("Workflow cap (% of amount)").fill("0");
  await finance.getByRole("button", { name: "Add an email" }).click();
  await finance.getByLabel("Email address").fill("finance-alerts@example.test");
  await finance.getByRole("button", { name: "Create budget" }).click();
  await expect(finance.getByRole("heading", { name, exact: true })).toBeVisible();
  await expect(finance.getByTestId("budget-detail-level")).toHaveText("Green");

  // The list, left open from here on: a marker on window proves it is never reloaded.
  await finance.getByRole("link", { name: "Budgets", exact: true }).first().click();
  const row = finance.getByTestId("budget-row").filter({ hasText: name });
  await expect(row.getByTestId("budget-level")).toHaveText("Green");
  await finance.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  await ingest(page, ingestKey, ["4.25", "4.25"]); // $8.50 of $10: yellow at 80%
  await expect(row.getByTestId("budget-level")).toHaveText("Yellow", { timeout: 60_000 });
  await expect(row.getByTestId("budget-spend")).toHaveText("$8.50");
  await expect(row.getByTestId("budget-reason")).toContainText("yellow at 80%");

  await ingest(page, ingestKey, ["2"]); // $10.50: red at 100%
  await expect(row.getByTestId("budget-level")).toHaveText("Red", { timeout: 60_000 });
  await expect(row.getByTestId("budget-spend")).toHaveText("$10.50");
  await expect(row.getByTestId("budget-reason")).toContainText("red at 100%");
  expect(await finance.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  // The feed: both changes, newest first, with the email channel's delivery state.
  await finance.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alerts" }).first().click();
  const alerts = finance.getByTestId("alert-row").filter({ hasText: name });
  await expect(alerts).toHaveCount(2, { timeout: 30_000 });
  await expect(alerts.nth(0).getByTestId("alert-from")).toHaveText("Yellow");
  await expect(alerts.nth(0).getByTestId("alert-to")).toHaveText("Red");
  await expect(alerts.nth(1).getByTestId("alert-from")).toHaveText("Green");
  await expect(alerts.nth(1).getByTestId("alert-to")).toHaveText("Yellow");
  await expect(alerts.nth(0).getByTestId("alert-delivery")).toContainText("Email finance-alerts@example.test");
  // The worker tries the email channel (SMTP is not configured here, so it keeps retrying); the log shows each attempt.
  await expect(alerts.nth(0).getByTestId("alert-delivery")).toContainText(/Retrying|Delivered/, { timeout: 30_000 });
  await alerts.nth(0).getByText("Delivery log").click();
  await expect(alerts.nth(0).getByRole("table", { name: "Delivery attempts" }).getByRole("row").nth(1)).toContainText("Email finance-alerts@example.test");

  // Acknowledge the red one with a note: it leaves the open list and shows under Acknowledged.
  const note = `Paused the triage job ${uniqueId(3)}`;
  await alerts.nth(0).getByRole("button", { name: /^Acknowledge alert:/ }).click();
  await alerts.nth(0).getByLabel("Note (optional)").fill(note);
  await alerts.nth(0).getByRole("button", { name: "Acknowledge alert" }).click();
  await expect(alerts).toHaveCount(1);
  await finance.getByRole("navigation", { name: "Filter alerts" }).getByRole("link", { name: "Acknowledged" }).click();
  const acknowledged = finance.getByTestId("alert-row").filter({ hasText: name });
  await expect(acknowledged).toHaveCount(1);
  await expect(acknowledged.getByTestId("alert-to")).toHaveText("Red");
  await expect(acknowledged.getByTestId("alert-note")).toContainText(note);
  await context.close();
});

test("an owner edits and deletes a budget; an engineer sees budgets read-only", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const orgPath = await signUpWithOrganization(page, "Owner Vic");
  await page.goto(`${orgPath}/budgets/new`);
  const name = uniqueName("Checkout");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Scope").selectOption("feature");
  await page.getByRole("button", { name: "Create budget" }).click();
  // Named errors for the fields the backend refused.
  await expect(page.locator("#budget-value-error")).toContainText("required for a feature budget");
  await expect(page.locator("#budget-amount-error")).toBeVisible();
  await page.getByLabel("Feature name").fill("checkout");
  await page.getByLabel("Amount (USD)").fill("100");
  await page.getByRole("button", { name: "Create budget" }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Settings" })).toContainText("Feature: checkout");
  const budgetUrl = page.url();

  await page.getByRole("link", { name: "Edit budget" }).click();
  await expect(page.getByLabel("Amount (USD)")).toHaveValue("100");
  await page.getByLabel("Amount (USD)").fill("250");
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByTestId("budget-detail-amount")).toHaveText("$250.00");

  // An engineer joins and sees the budget without the controls to change it.
  await page.goto(`${orgPath}/settings/members`);
  await page.getByLabel("Email").fill(uniqueEmail("engineer"));
  await page.getByLabel("Role").selectOption("ENGINEER");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())!.trim();
  const context = await browser.newContext();
  const engineer = await context.newPage();
  await engineer.goto(link);
  await engineer.getByRole("link", { name: "Create an account" }).click();
  await engineer.getByLabel("Password").fill(uniquePassword());
  await engineer.getByRole("button", { name: "Create account and join" }).click();
  await expect(engineer).toHaveURL(new RegExp(`${orgPath}$`));
  await engineer.goto(`${orgPath}/budgets`);
  await expect(engineer.getByTestId("budget-row").filter({ hasText: name })).toBeVisible();
  await expect(engineer.getByRole("link", { name: "New budget" })).toHaveCount(0);
  await engineer.getByRole("link", { name, exact: true }).click();
  await expect(engineer.getByTestId("budget-detail-amount")).toHaveText("$250.00");
  await expect(engineer.getByRole("link", { name: "Edit budget" })).toHaveCount(0);
  await context.close();

  // Delete, with a confirmation first.
  await page.goto(budgetUrl);
  await page.getByRole("link", { name: "Edit budget" }).click();
  await page.getByRole("button", { name: "Delete budget" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Budgets" })).toBeVisible();
  await expect(page.getByText("No budgets yet").first()).toBeVisible();
});
