import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

import { joinByInvitation, signUpWithOrganization, usdCents } from "./support/session";

/*
 * Issue 6's journey: a finance person imports a month of card lines, reads how much AI spend is
 * outside governance and where, owns a finding, and a second month's import keeps what they decided.
 */
const FIXTURES = path.join(__dirname, "fixtures");
const OCTOBER = "shadow-ai-expenses-october.csv";
const NOVEMBER = "shadow-ai-expenses-november.csv";

type Line = { date: string; email: string; merchant: string; amount: string };

function lines(name: string): Line[] {
  const [header, ...rows] = readFileSync(path.join(FIXTURES, name), "utf8").trim().split("\n");
  const columns = header.split(",");
  return rows.map((row) => {
    const cells = Object.fromEntries(row.split(",").map((cell, i) => [columns[i], cell]));
    return { date: cells.date, email: cells.email, merchant: cells.merchant, amount: cells.amount };
  });
}

/** Exact cents of the lines whose merchant names the tool. */
function cents(rows: Line[], merchant: string): number {
  return rows.filter((r) => r.merchant.includes(merchant)).reduce((sum, r) => sum + Math.round(Number(r.amount) * 100), 0);
}

const dollars = (c: number) => usdCents((c / 100).toFixed(2));

async function importFile(page: Page, orgPath: string, name: string, rows: number) {
  await page.goto(`${orgPath}/settings/imports`);
  await page.getByLabel("Choose a CSV file").setInputFiles(path.join(FIXTURES, name));
  await expect(page.getByText(`${rows} rows: ${rows} valid, 0 with errors.`)).toBeVisible();
  await page.getByRole("button", { name: `Import ${rows} expense lines` }).click();
  await expect(page.getByText(`${rows} expense lines imported`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Import history" })).toContainText(name);
}

test("finance imports expenses, finds AI spend outside governance, owns a finding, and a second month keeps it", async ({ page, browser }) => {
  // One long journey (two people, three imports, an undo), each import re-running the audit on a shared 2-core machine.
  test.setTimeout(150_000);
  const orgPath = await signUpWithOrganization(page, "Owner Shadow");
  // The finance person joins through an invitation.
  const { context, member: finance } = await joinByInvitation(page, browser, orgPath, "FINANCE");

  // Before anything is imported, the page says so and points to the imports.
  await finance.goto(`${orgPath}/shadow-ai`);
  await expect(finance.getByText("Nothing imported yet")).toBeVisible();
  await finance.getByRole("link", { name: "Import expenses and vendor bills" }).first().click();
  await expect(finance.getByRole("heading", { name: "Expense and bill imports" })).toBeVisible();

  // A malformed file: the preview names the bad row, nothing can be imported, nothing is stored.
  const bad = readFileSync(path.join(FIXTURES, OCTOBER), "utf8").replace("30.00", () => "$30.00");
  await finance.getByLabel("Choose a CSV file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad, "utf8") });
  await expect(finance.getByText("5 rows: 4 valid, 1 with errors.")).toBeVisible();
  const errors = finance.getByRole("table", { name: "Rows with errors" });
  await expect(errors.getByRole("row").nth(1)).toContainText("4");
  await expect(errors).toContainText("\"$30.00\" is not a number");
  await expect(finance.getByRole("button", { name: /^Import / })).toBeDisabled();
  await expect(finance.getByText("No imports yet")).toBeVisible();
  await finance.getByRole("button", { name: "Choose another file" }).click();

  const october = lines(OCTOBER);
  await importFile(finance, orgPath, OCTOBER, october.length);
  await finance.getByRole("link", { name: "See the Shadow AI findings" }).click();
  await expect(finance.getByRole("heading", { name: "Shadow AI" })).toBeVisible();

  const chatgpt = cents(october, "CHATGPT");
  const midjourney = cents(october, "MIDJOURNEY");
  // Only the AI lines count: the taxi and the coffee are not AI spend.
  await expect(finance.getByTestId("outside-latest")).toHaveText(dollars(chatgpt + midjourney));
  await expect(finance.getByTestId("outside-share")).toHaveText("100.0%");
  // Three findings: ChatGPT unsanctioned, ChatGPT bought by two people, Midjourney unsanctioned.
  await expect(finance.getByTestId("open-findings")).toHaveText("3");
  const findings = finance.getByRole("table", { name: "Findings" });
  await expect(findings.getByRole("row")).toHaveCount(4);
  await expect(findings.getByRole("row").nth(1)).toContainText(dollars(chatgpt));
  await expect(findings.getByRole("row").nth(3)).toContainText(dollars(midjourney));
  await expect(findings.getByRole("row").filter({ hasText: "Duplicate spend" })).toContainText("paid separately by 2 people");

  // The finding's detail, with its evidence; finance marks it sanctioned with an owner and a note.
  await findings.getByRole("link", { name: /ChatGPT.*paid outside governance/ }).click();
  await expect(finance.getByTestId("finding-total")).toHaveText(dollars(chatgpt));
  await expect(finance.getByTestId("finding-people")).toHaveText("2");
  await expect(finance.getByRole("table", { name: "Evidence" }).getByRole("row")).toHaveCount(3);
  const findingUrl = finance.url();
  await finance.getByLabel("Status", { exact: true }).selectOption("sanctioned");
  await finance.getByLabel("Owner", { exact: true }).fill("it@acme.test");
  await finance.getByLabel("Note", { exact: true }).fill("Moving to the company plan in December");
  await finance.getByRole("button", { name: "Save" }).click();
  await expect(finance.getByText("Saved.")).toBeVisible();

  // The status filter is in the URL.
  await finance.goto(`${orgPath}/shadow-ai?status=sanctioned`);
  await expect(finance.getByRole("table", { name: "Findings" }).getByRole("row")).toHaveCount(2);

  // A second month: the finding keeps its status and note, and its total grows.
  const november = lines(NOVEMBER);
  await importFile(finance, orgPath, NOVEMBER, november.length);
  await finance.goto(findingUrl);
  await expect(finance.getByTestId("finding-total")).toHaveText(dollars(chatgpt + cents(november, "CHATGPT")));
  await expect(finance.getByLabel("Status", { exact: true })).toHaveValue("sanctioned");
  await expect(finance.getByLabel("Note", { exact: true })).toHaveValue("Moving to the company plan in December");
  await expect(finance.getByLabel("Owner", { exact: true })).toHaveValue("it@acme.test");

  // Undoing the second month takes its lines out again (after a confirmation); the decision stays.
  await finance.goto(`${orgPath}/settings/imports`);
  await finance.getByRole("button", { name: `Undo ${NOVEMBER}` }).click();
  await finance.getByRole("button", { name: "Yes, undo" }).click();
  await expect(finance.getByRole("table", { name: "Import history" }).getByRole("row").nth(1)).toContainText("Undone");
  await finance.goto(findingUrl);
  await expect(finance.getByTestId("finding-total")).toHaveText(dollars(chatgpt));
  await expect(finance.getByLabel("Status", { exact: true })).toHaveValue("sanctioned");
  await context.close();
});
