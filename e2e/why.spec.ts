import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail, uniqueId, uniqueName, uniquePassword } from "./support";

async function signUp(page: Page) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Wendy Why");
  await page.getByLabel("Work email").fill(uniqueEmail("why"));
  await page.getByLabel("Password").fill(uniquePassword());
  await page.getByLabel("Organization name").fill(uniqueName("Why"));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

async function createIngestReadKey(page: Page): Promise<string> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }).first().click();
  await page.getByLabel("Key name").fill("why e2e");
  await page.getByRole("checkbox", { name: /^ingest/ }).check();
  await page.getByRole("checkbox", { name: /^read/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  return (await page.getByTestId("new-api-key").textContent())!.trim();
}

test("why did it change splits a feature's cost change into volume, mix and price", async ({ page }) => {
  await signUp(page);
  const orgSlug = new URL(page.url()).pathname.split("/")[2];
  const secret = await createIngestReadKey(page);

  const now = Date.now();
  const daysAgo = (n: number) => new Date(now - n * 86_400_000).toISOString();
  const run = uniqueId();
  const event = (i: number, at: string, provider: string, model: string, tokens: number, cost_usd: string) => ({
    id: `${run}-${i}`,
    timestamp: at,
    provider,
    model,
    usage: { input_tokens: tokens, output_tokens: 0 },
    cost_usd,
    feature: "search",
  });
  const response = await page.request.post("/api/v1/events", {
    headers: { Authorization: `Bearer ${secret}` },
    data: {
      events: [
        event(1, daysAgo(40), "openai", "gpt-4o-mini", 1000, "1.00"),
        event(2, daysAgo(40), "anthropic", "claude-sonnet-4-5", 100, "1.00"),
        event(3, daysAgo(10), "openai", "gpt-4o-mini", 500, "0.50"),
        event(4, daysAgo(10), "anthropic", "claude-sonnet-4-5", 300, "3.00"),
        event(5, daysAgo(10), "openai", "gpt-4o-mini", 100, "9.99"),
      ].map((e) => (e.id.endsWith("-5") ? { ...e, feature: "chat" } : e)),
    },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ accepted: 5, rejected: 0 });

  const params = new URLSearchParams({
    feature: "search",
    from: daysAgo(30),
    to: new Date(now + 60_000).toISOString(),
    previous_from: daysAgo(60),
    previous_to: daysAgo(30),
  });
  const api = await page.request.get(`/api/v1/costs/change?org=${orgSlug}&${params}`);
  expect(api.status()).toBe(200);
  const expected = (await api.json()) as { before: string; after: string; change: string; volume: string; modelMix: string; unitPrice: string };
  expect(Number(expected.before)).toBe(2);
  expect(Number(expected.after)).toBe(3.5);

  await page.goto(`/o/${orgSlug}/why?${params}`);
  await expect(page.getByRole("heading", { name: "Why did it change" })).toBeVisible();
  await expect(page.getByTestId("why-headline")).toHaveText("Cost went from $2.00 to $3.50 (+$1.50, +75.0%)");
  await expect(page.getByLabel("Feature")).toHaveValue("search");
  for (const key of ["volume", "modelMix", "unitPrice"] as const) {
    const row = page.getByTestId(`effect-${key}`);
    await expect(row).toHaveAttribute("data-amount", expected[key]);
    const amount = Number(expected[key]);
    await expect(row).toContainText(`${amount < 0 ? "-" : "+"}$${Math.abs(amount).toFixed(2)}`);
  }
  const sum = Number(expected.volume) + Number(expected.modelMix) + Number(expected.unitPrice);
  expect(sum).toBeCloseTo(Number(expected.change), 8);
  await expect(page.getByTestId("why-check")).toContainText("= +$1.50");
  const table = page.getByRole("table", { name: "Cost change by model" });
  await expect(table.getByRole("row").filter({ hasText: "anthropic/claude-sonnet-4-5" })).toContainText("+$2.00");
  await expect(table.getByRole("row").filter({ hasText: "openai/gpt-4o-mini" })).toContainText("-$0.50");
});
