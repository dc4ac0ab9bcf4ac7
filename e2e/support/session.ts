import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
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

/**
 * The owner on `page` invites a new person with this role; the person opens the link in a browser
 * context of their own, creates an account and lands on the organization. Close `context` after.
 */
export async function joinByInvitation(page: Page, browser: Browser, orgPath: string, role: "ADMIN" | "FINANCE" | "ENGINEER" | "VIEWER"): Promise<{ context: BrowserContext; member: Page }> {
  await page.goto(`${orgPath}/settings/members`);
  await page.getByLabel("Email").fill(uniqueEmail(role.toLowerCase()));
  await page.getByLabel("Role").selectOption(role);
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())!.trim();
  const context = await browser.newContext({ acceptDownloads: true });
  const member = await context.newPage();
  await member.goto(link);
  await member.getByRole("link", { name: "Create an account" }).click();
  await member.getByLabel("Password").fill(uniquePassword());
  await member.getByRole("button", { name: "Create account and join" }).click();
  await expect(member).toHaveURL(new RegExp(`${orgPath}$`));
  return { context, member };
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
