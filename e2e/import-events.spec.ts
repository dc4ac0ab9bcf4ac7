import { expect, test, type Page } from "@playwright/test";
import { uniqueEmail, uniqueId, uniqueName, uniquePassword } from "./support";

async function signUp(page: Page) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Iris Import");
  await page.getByLabel("Work email").fill(uniqueEmail("importer"));
  await page.getByLabel("Password").fill(uniquePassword());
  await page.getByLabel("Organization name").fill(uniqueName("Import"));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

/** Events the organization has stored, through the costs API with the signed-in session. */
async function eventsStored(page: Page, orgSlug: string): Promise<number> {
  const response = await page.request.get(`/api/v1/costs?org=${orgSlug}&from=2020-01-01&granularity=month`);
  expect(response.status()).toBe(200);
  return (await response.json()).total.events;
}

test("import a CSV of events: preview with the bad row's line, nothing stored, then import", async ({ page }) => {
  await signUp(page);
  const orgSlug = new URL(page.url()).pathname.split("/")[2];
  expect(await eventsStored(page, orgSlug)).toBe(0);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import events" }).first().click();
  await expect(page.getByRole("heading", { name: "Import events" })).toBeVisible();
  const template = page.getByRole("link", { name: "Download a template CSV" });
  await expect(template).toHaveAttribute("download", "marginal-events-template.csv");
  expect(decodeURIComponent((await template.getAttribute("href"))!)).toMatch(/^data:text\/csv;charset=utf-8,id,timestamp,provider,model,/);

  const run = uniqueId();
  const hourAgo = new Date(Date.now() - 3600_000).toISOString();
  const csv = [
    "id,time,provider,model,prompt_tokens,completion_tokens,cost,feature",
    `${run}-1,${hourAgo},openai,gpt-4o-mini,1200,300,0.0012,search`,
    `${run}-2,${hourAgo},openai,gpt-4o-mini,800,200,0.0008,search`,
    `${run}-3,${hourAgo},anthropic,claude-sonnet-4-5,"1,200",100,,chat`,
    `${run}-4,${hourAgo},anthropic,claude-sonnet-4-5,500,100,,chat`,
  ].join("\r\n");
  await page.getByLabel("Choose a CSV file").setInputFiles({ name: "calls.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });

  // The dry run: the bad row is named by its line, the counts add up, the mapping is shown.
  await expect(page.getByText("4 rows: 3 valid, 1 with errors.")).toBeVisible();
  const errors = page.getByRole("table", { name: "Rows with errors" });
  await expect(errors.getByRole("row").nth(1)).toContainText("4");
  await expect(errors.getByRole("row").nth(1)).toContainText(`${run}-3`);
  await expect(errors).toContainText('prompt_tokens (usage.input_tokens): "1,200" is not a number');
  await expect(page.getByRole("combobox", { name: "Field for column “prompt_tokens”" })).toHaveValue("usage.input_tokens");
  await expect(page.getByRole("table", { name: "Sample of the events to import" }).getByRole("row")).toHaveCount(4);

  // Nothing is stored before the import button.
  expect(await eventsStored(page, orgSlug)).toBe(0);

  await page.getByRole("button", { name: "Import 3 events" }).click();
  await expect(page.getByText("3 accepted, 0 duplicates, 1 rejected.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Rows with errors" })).toContainText(`${run}-3`);

  expect(await eventsStored(page, orgSlug)).toBe(3);
});
