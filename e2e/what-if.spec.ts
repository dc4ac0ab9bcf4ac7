import { expect, test } from "@playwright/test";
import { uniqueId } from "./support";
import { createApiKeyInPage, signUpWithOrganization } from "./support/session";

/*
 * A fresh organization with ten catalog-priced gpt-4o calls on the "support" feature, all in the
 * last minutes (so inside the 30-day window, whose cost is then also the monthly cost). Each call:
 * 80,000 uncached input × $2.50/M = 0.20, 20,000 cached × $1.25/M = 0.025, 10,000 output × $10/M
 * = 0.10 → 0.325; ten: 3.25. At gpt-4o-mini's prices (0.15, 0.075, 0.60 per M): 0.0195 a call,
 * 0.195 for ten. Moving 40%: 0.4 × (3.25 − 0.195) = 1.222 a month.
 */
test("what-if: pricing per outcome and a routing saving from the seeded token mix", async ({ page }) => {
  const orgPath = await signUpWithOrganization(page, "Engineer Erin");
  const secret = await createApiKeyInPage(page, orgPath, ["ingest"]);
  const now = Date.now();
  const events = Array.from({ length: 10 }, (_, i) => ({
    id: `wi-${i}-${uniqueId()}`,
    timestamp: new Date(now - (i + 1) * 60_000).toISOString(),
    provider: "openai",
    model: "gpt-4o",
    feature: "support",
    usage: { input_tokens: 100_000, cached_input_tokens: 20_000, output_tokens: 10_000 },
  }));
  const response = await page.request.post("/api/v1/events", { headers: { Authorization: `Bearer ${secret}` }, data: { events } });
  expect(response.status()).toBe(200);

  await page.goto(orgPath);
  await page.getByRole("link", { name: "What-if" }).click();
  await expect(page.getByRole("heading", { name: "What-if", level: 1 })).toBeVisible();

  // The levers start from the same mix: half of support's gpt-4o calls on gpt-4o-mini = 1.5275.
  const levers = page.getByRole("table", { name: "Savings levers" });
  await expect(levers.getByRole("row").nth(1)).toContainText("Route 50% of support's gpt-4o calls to gpt-4o-mini");
  await expect(levers.getByRole("row").nth(1)).toContainText("$1.53");

  const pricing = page.getByRole("region", { name: "Pricing per outcome" });
  await pricing.getByLabel("Cost per attempt (USD)").fill("0.20");
  await pricing.getByLabel("Success rate (%)").fill("70");
  await pricing.getByLabel("Target gross margin (%)").fill("0");
  await expect(pricing.getByTestId("pricing-cost-per-outcome")).toHaveText("$0.286");
  await pricing.getByLabel("Target gross margin (%)").fill("60");
  await expect(pricing.getByTestId("pricing-price")).toHaveText("$0.714");
  await pricing.getByLabel("Success rate (%)").fill("seventy");
  await expect(pricing.getByRole("alert")).toHaveText("Success rate must be a number like 12.5 (no $, % or commas)");

  const routing = page.getByRole("region", { name: "Routing" });
  await routing.getByLabel("Calls of").selectOption("feature");
  await expect(routing.getByLabel("Feature")).toHaveValue("support");
  await expect(routing.getByLabel("To model")).toHaveValue(JSON.stringify(["openai", "gpt-4o-mini"]));
  await routing.getByLabel("Share of calls moved (%)").fill("40");
  await expect(routing.getByTestId("routing-saving")).toHaveText("$1.22");
  await expect(routing.getByText("0.4 × (3.2500000000 − 0.1950000000) = 1.2220000000")).toBeVisible();
  await expect(routing.getByTestId("routing-before")).toHaveText("$3.25");
});
