import { expect, test } from "@playwright/test";
import { uniqueId } from "./support";
import { createApiKeyInPage, signUpWithOrganization } from "./support/session";

/*
 * SPEC 8's weekly review on a fresh organization (zone UTC): calls this week and last week, an action
 * item raised this week that carries over to the next, and the presentation driven by the keyboard.
 */
test("owner: runs the weekly review, carries an action item over, and presents it with the keyboard", async ({ page }) => {
  const orgPath = await signUpWithOrganization(page, "Owner Wren");
  const secret = await createApiKeyInPage(page, orgPath, ["ingest", "read"]);
  const now = Date.now();
  const today = new Date(now);
  // Monday 00:00 UTC of this week: this week's calls lie after it and before now.
  const mondayMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - ((today.getUTCDay() + 6) % 7) * 86_400_000;
  const thisWeek = Math.max(mondayMs, now - 10 * 60_000);
  const lastWeek = thisWeek - 7 * 86_400_000;
  let n = 0;
  const call = (at: number, workflow: string, cost: string) => ({
    id: `wr-${++n}-${uniqueId()}`,
    timestamp: new Date(at + n * 1000).toISOString(),
    provider: "openai",
    model: "gpt-4o-mini",
    usage: { input_tokens: 1000, output_tokens: 100 },
    cost_usd: cost,
    workflow,
    run_id: `${workflow}-${uniqueId()}`,
  });
  const events = [call(thisWeek, "research", "4"), call(thisWeek, "research", "2"), call(thisWeek, "support", "1.5"), call(lastWeek, "research", "3")];
  const response = await page.request.post("/api/v1/events", { headers: { Authorization: `Bearer ${secret}` }, data: { events } });
  expect(response.status()).toBe(200);

  await page.goto(`${orgPath}/review`);
  const pageHeading = page.getByRole("heading", { level: 1, name: /^Weekly review · \d{4}-W\d{2}$/ });
  await expect(pageHeading).toBeVisible();
  const weekLabel = (await pageHeading.textContent())!.replace("Weekly review · ", "");

  const workflows = page.getByRole("region", { name: "Top workflows" });
  await expect(workflows.getByRole("row").nth(1)).toContainText("research");
  await expect(workflows.getByRole("row").nth(1)).toContainText("+$3.00 (+100%)");
  await expect(workflows.getByRole("link", { name: "support" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Budgets needing attention" })).toContainText("No red or yellow budgets this week");

  // An empty title is refused beside its field.
  const items = page.getByRole("region", { name: "Action items" });
  await items.getByRole("button", { name: "Add item" }).click();
  await expect(items.getByText("is required")).toBeVisible();

  const title = `Cap research retries ${uniqueId()}`;
  await items.getByLabel("New action item").fill(title);
  await items.getByLabel("Owner", { exact: true }).fill("wren@example.test");
  await items.getByRole("button", { name: "Add item" }).click();
  await expect(items.getByRole("row", { name: new RegExp(title) })).toBeVisible();
  await expect(items.getByLabel(`Owner of ${title}`)).toHaveValue("wren@example.test");

  // Next week: the open item is carried over.
  await page.getByRole("link", { name: "Next week" }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(`Weekly review · ${weekLabel}`);
  const nextItems = page.getByRole("region", { name: "Action items" });
  await expect(nextItems.getByRole("row", { name: new RegExp(title) })).toContainText("Carried over from week");

  // Back to this week and present it.
  await page.getByRole("link", { name: "Previous week" }).click();
  await expect(pageHeading).toHaveText(`Weekly review · ${weekLabel}`);
  await page.getByRole("button", { name: "Present" }).click();
  const deck = page.getByRole("dialog", { name: /presentation/ });
  await expect(deck).toBeVisible();
  const counter = deck.getByTestId("slide-counter");
  const slideHeading = deck.getByRole("heading", { level: 2 }).first();
  await expect(counter).toHaveText("1 / 6");
  await expect(slideHeading).toHaveText(weekLabel);
  await expect(slideHeading).toBeFocused();
  await expect(deck.getByTestId("review-total")).toHaveText("$7.50");

  await page.keyboard.press("ArrowRight");
  await expect(counter).toHaveText("2 / 6");
  await expect(slideHeading).toHaveText("Top workflows");
  await expect(deck.getByRole("link", { name: "research" })).toBeVisible();
  await page.keyboard.press("PageDown");
  await expect(slideHeading).toHaveText("Budgets needing attention");
  await page.keyboard.press("Space");
  await expect(counter).toHaveText("4 / 6");
  await expect(slideHeading).toHaveText("New anomalies");
  await page.keyboard.press("ArrowLeft");
  await expect(counter).toHaveText("3 / 6");
  await page.keyboard.press("End");
  await expect(counter).toHaveText("6 / 6");
  await expect(slideHeading).toHaveText("Action items");
  await expect(deck.getByText(title)).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(counter).toHaveText("6 / 6");
  await page.keyboard.press("Home");
  await expect(counter).toHaveText("1 / 6");
  await expect(page).toHaveURL(/present=1/);

  await page.keyboard.press("Escape");
  await expect(deck).toBeHidden();
  await expect(page.getByRole("button", { name: "Present" })).toBeFocused();
  await expect(page).not.toHaveURL(/present=1/);

  // A link with ?present=1 opens straight into the presentation.
  await page.goto(`${orgPath}/review?week=${weekLabel}&present=1`);
  await expect(page.getByRole("dialog", { name: /presentation/ }).getByTestId("slide-counter")).toHaveText("1 / 6");
});
