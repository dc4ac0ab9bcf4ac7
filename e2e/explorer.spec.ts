import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail, uniqueId, uniqueName, uniquePassword } from "./support";

async function signUp(page: Page) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Ezra Explorer");
  await page.getByLabel("Work email").fill(uniqueEmail("explorer"));
  await page.getByLabel("Password").fill(uniquePassword());
  await page.getByLabel("Organization name").fill(uniqueName("Explore"));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

async function createIngestReadKey(page: Page): Promise<string> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).first().click();
  await page.getByLabel("Key name").fill("explorer e2e");
  await page.getByRole("checkbox", { name: /^ingest/ }).check();
  await page.getByRole("checkbox", { name: /^read/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  return (await page.getByTestId("new-api-key").textContent())!.trim();
}

/** Exact cost per value of one dimension over the default range, from the API itself. */
async function apiCostsBy(page: Page, orgSlug: string, dimension: string): Promise<Record<string, string>> {
  const response = await page.request.get(`/api/v1/costs?org=${orgSlug}&group_by=${dimension}&granularity=month&from=2020-01-01`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { rows: ({ cost_usd: string } & Record<string, string>)[] };
  const out: Record<string, number> = {};
  for (const row of body.rows) out[row[dimension]] = (out[row[dimension]] ?? 0) + Number(row.cost_usd);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.toFixed(4)]));
}

test("explore costs by feature, switch to model, and keep the view in the URL", async ({ page }) => {
  await signUp(page);
  const orgSlug = new URL(page.url()).pathname.split("/")[2];
  const secret = await createIngestReadKey(page);

  const run = uniqueId();
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  const event = (i: number, at: string, feature: string, provider: string, model: string, cost_usd: string) => ({
    id: `${run}-${i}`,
    timestamp: at,
    provider,
    model,
    usage: { input_tokens: 100, output_tokens: 20 },
    cost_usd,
    feature,
  });
  const response = await page.request.post("/api/v1/events", {
    headers: { Authorization: `Bearer ${secret}` },
    data: {
      events: [
        event(1, daysAgo(2), "search", "openai", "gpt-4o-mini", "0.0123"),
        event(2, daysAgo(3), "search", "openai", "gpt-4o-mini", "0.0077"),
        event(3, daysAgo(2), "chat", "anthropic", "claude-sonnet-4-5", "1.25"),
        event(4, daysAgo(3), "chat", "openai", "gpt-4o-mini", "0.5"),
      ],
    },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ accepted: 4, rejected: 0 });
  expect(await apiCostsBy(page, orgSlug, "feature")).toEqual({ chat: "1.7500", search: "0.0200" });
  expect(await apiCostsBy(page, orgSlug, "model")).toEqual({ "claude-sonnet-4-5": "1.2500", "gpt-4o-mini": "0.5200" });

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Explorer" }).first().click();
  await expect(page.getByRole("heading", { name: "Explorer" })).toBeVisible();
  const table = page.getByRole("table", { name: "Costs by dimension" });
  await expect(table.getByRole("row").filter({ hasText: "chat" })).toContainText("$1.75");
  await expect(table.getByRole("row").filter({ hasText: "search" })).toContainText("$0.02");
  await expect(table.getByRole("row").filter({ hasText: "Total" })).toContainText("$1.77");
  await expect(page.getByRole("figure", { name: /Spend per day by feature/ })).toBeVisible();

  await page.getByLabel("Group by", { exact: true }).selectOption("model");
  await expect(page).toHaveURL(/[?&]group_by=model(&|$)/);
  await expect(table.getByRole("row").filter({ hasText: "claude-sonnet-4-5" })).toContainText("$1.25");
  await expect(table.getByRole("row").filter({ hasText: "gpt-4o-mini" })).toContainText("$0.52");
  await expect(table.getByRole("row").filter({ hasText: "chat" })).toHaveCount(0);

  // A filter is a URL parameter too, with the API's name.
  await page.getByLabel("Filter on").selectOption("feature");
  await page.getByLabel("Value", { exact: true }).fill("chat");
  await page.getByRole("button", { name: "Add filter" }).click();
  await expect(page).toHaveURL(/[?&]feature=chat(&|$)/);
  await expect(table.getByRole("row").filter({ hasText: "gpt-4o-mini" })).toContainText("$0.50");

  // The view survives a reload: it lives in the URL, and the first render comes from the server.
  await page.reload();
  await expect(page.getByLabel("Group by", { exact: true })).toHaveValue("model");
  await expect(table.getByRole("row").filter({ hasText: "claude-sonnet-4-5" })).toContainText("$1.25");
  await expect(table.getByRole("row").filter({ hasText: "gpt-4o-mini" })).toContainText("$0.50");
  await expect(page.getByRole("listitem").filter({ hasText: "Feature: chat" })).toBeVisible();

  // Exports carry the same view.
  const csvHref = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  expect(csvHref).toContain(`org=${orgSlug}`);
  expect(csvHref).toContain("format=csv");
  expect(csvHref).toContain("group_by=model");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
});

test("an empty range explains itself, and a bad view shows a designed error with a way back", async ({ page }) => {
  await signUp(page);
  const orgPath = new URL(page.url()).pathname;
  await page.goto(`${orgPath}/explorer`);
  await expect(page.getByText("No spend in this range", { exact: true })).toBeVisible();

  // An hourly view over years is more than the API allows; the page says why instead of going blank.
  await page.goto(`${orgPath}/explorer?granularity=hour&from=2020-01-01`);
  const alert = page.getByRole("alert").filter({ hasText: "Costs could not be loaded." });
  await expect(alert).toContainText("granularity=hour");
  await alert.getByRole("button", { name: "Reset view" }).click();
  await expect(page).toHaveURL(new RegExp(`${orgPath}/explorer$`));
  await expect(page.getByText("No spend in this range", { exact: true })).toBeVisible();
});
