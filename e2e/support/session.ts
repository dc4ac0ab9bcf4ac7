import { expect, type Page } from "@playwright/test";
import { uniqueEmail, uniqueName, uniquePassword } from "./index";

/** Signs a new person up with a new organization and waits for its overview; answers the org's path (`/o/slug`). */
export async function signUpWithOrganization(page: Page, person: string): Promise<string> {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(person);
  await page.getByLabel("Work email").fill(uniqueEmail(person));
  await page.getByLabel("Password").fill(uniquePassword());
  await page.getByLabel("Organization name").fill(uniqueName(person));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** Creates an API key with these scopes on the API keys page and answers its secret. */
export async function createApiKeyInPage(page: Page, orgPath: string, scopes: ("ingest" | "read" | "manage")[]): Promise<string> {
  await page.goto(`${orgPath}/settings/api-keys`);
  await page.getByLabel("Key name").fill(uniqueName("key"));
  for (const scope of ["ingest", "read", "manage"] as const) {
    await page.getByRole("checkbox", { name: new RegExp(`^${scope}`) }).setChecked(scopes.includes(scope));
  }
  await page.getByRole("button", { name: "Create key" }).click();
  return (await page.getByTestId("new-api-key").textContent())!.trim();
}

/** Dollars as the app shows totals under $1,000: "$1,234.50" style with cents. */
export function usdCents(amount: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(amount));
}
