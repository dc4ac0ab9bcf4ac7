import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail, uniqueId, uniqueName, uniquePassword } from "./support";

async function signUp(page: Page) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Olive Overview");
  await page.getByLabel("Work email").fill(uniqueEmail("overview"));
  await page.getByLabel("Password").fill(uniquePassword());
  await page.getByLabel("Organization name").fill(uniqueName("Overview"));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

test("the overview shows getting started, then month-to-date spend and top features once events arrive", async ({ page }) => {
  await signUp(page);
  const overviewPath = new URL(page.url()).pathname;

  // No events yet: the getting-started steps, no figures.
  await expect(page.getByRole("heading", { name: "Getting started" })).toBeVisible();
  await expect(page.getByTestId("month-to-date")).toHaveCount(0);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).first().click();
  await page.getByLabel("Key name").fill("overview ingest");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("new-api-key").textContent())!.trim();

  // A new organization's zone is UTC. "Yesterday" is clipped to this UTC month's start so every
  // event falls in the current month even on the 1st.
  const now = Date.now();
  const monthStart = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1);
  const today = new Date(Math.max(monthStart, now - 60_000)).toISOString();
  const yesterday = new Date(Math.max(monthStart, now - 86_400_000)).toISOString();
  const run = uniqueId();
  const event = (n: number, timestamp: string, feature: string, cost: string) => ({
    id: `${run}-${n}`,
    timestamp,
    provider: "openai",
    model: "gpt-4o-mini",
    usage: { input_tokens: 100, output_tokens: 20 },
    cost_usd: cost,
    feature,
    workflow: "support-triage",
  });
  const response = await page.request.post("/api/v1/events", {
    headers: { Authorization: `Bearer ${secret}` },
    data: {
      events: [event(1, today, "search", "1.25"), event(2, yesterday, "search", "0.5"), event(3, today, "chat", "2.5")],
    },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ accepted: 3, rejected: 0 });

  await page.goto(overviewPath);
  await expect(page.getByTestId("month-to-date")).toHaveText("$4.25");
  await expect(page.getByRole("heading", { name: "Getting started" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Change vs previous period" })).toContainText("vs the same days last month");

  const features = page.getByRole("table", { name: "Top features" });
  await expect(features.getByRole("row")).toHaveCount(3);
  await expect(features.getByRole("row").nth(1)).toContainText("chat");
  await expect(features.getByRole("row").nth(1)).toContainText("$2.50");
  await expect(features.getByRole("row").nth(2)).toContainText("search");
  await expect(features.getByRole("row").nth(2)).toContainText("$1.75");

  const workflows = page.getByRole("table", { name: "Top workflows" });
  await expect(workflows.getByRole("row").nth(1)).toContainText("support-triage");
  await expect(workflows.getByRole("row").nth(1)).toContainText("$4.25");
  await expect(page.getByRole("img", { name: "Daily spend over the last 60 days with the forecast to month end" })).toBeVisible();
});
