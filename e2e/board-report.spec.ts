import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { uniqueId } from "./support";
import { createApiKeyInPage, joinByInvitation, signUpWithOrganization } from "./support/session";

/*
 * Issue 8, part 3: a finance member opens the board report for last month (the default period),
 * sees its headline numbers, and downloads the PDF, which is a real PDF holding the same revenue
 * and AI-spend figures. Events and revenue are posted through the API with an ingest key.
 */

/** The month before the current UTC month, `YYYY-MM`; day 15 of it is last month in any time zone. */
function lastMonth(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

test("finance: opens the board report, sees the headline numbers and downloads the PDF", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const month = lastMonth();
  const orgPath = await signUpWithOrganization(page, "Owner Bea");
  const ingestKey = await createApiKeyInPage(page, orgPath, ["ingest"]);
  const headers = { Authorization: `Bearer ${ingestKey}` };

  // Last month: $30 on search and $15 on chat; revenue $600 and $300 → AI gross margin 95.0%.
  const events = [
    { feature: "search", cost_usd: "30", day: "12" },
    { feature: "chat", cost_usd: "15", day: "14" },
  ].map((e) => ({
    id: `board-e2e-${uniqueId()}`,
    timestamp: `${month}-${e.day}T12:00:00Z`,
    provider: "openai",
    model: "gpt-4o-mini",
    usage: { input_tokens: 1000, output_tokens: 200 },
    cost_usd: e.cost_usd,
    feature: e.feature,
  }));
  const posted = await page.request.post("/api/v1/events", { headers, data: { events } });
  expect(await posted.json()).toMatchObject({ accepted: 2, rejected: 0 });
  const revenue = await page.request.post("/api/v1/revenue", {
    headers,
    data: { revenue: [{ month, feature: "search", amount_usd: "600" }, { month, feature: "chat", amount_usd: "300" }] },
  });
  expect(revenue.status()).toBe(200);

  // The finance person joins through an invitation.
  const { context, member: finance } = await joinByInvitation(page, browser, orgPath, "FINANCE");

  await finance.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Board report" }).first().click();
  await expect(finance.getByRole("heading", { level: 1, name: "Board report" })).toBeVisible();
  const summary = finance.getByRole("region", { name: "Executive summary" });
  await expect(summary.getByTestId("board-ai-spend")).toHaveText("$45.00");
  await expect(summary.getByTestId("board-revenue")).toHaveText("$900.00");
  await expect(summary.getByTestId("board-gross-margin")).toHaveText("95.0%");
  await expect(summary.getByTestId("board-margin-verdict")).toContainText("Above the 70–90% SaaS range");
  await expect(finance.getByRole("table", { name: "Margin per feature" }).getByRole("row")).toHaveCount(3);

  const [download] = await Promise.all([finance.waitForEvent("download"), finance.getByRole("link", { name: "Download PDF (A4)" }).click()]);
  expect(download.suggestedFilename()).toBe(`marginal-board-${month}.pdf`);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  // A4 is 841.89 × 595.28 pt: landscape, wider than tall.
  expect((await pdf.getPage(1)).view.map(Math.round)).toEqual([0, 0, 842, 595]);
  const { text } = await extractText(pdf, { mergePages: true });
  expect(text).toContain("$45.00");
  expect(text).toContain("$900.00");
  expect(text).toContain("95.0%");
  await context.close();
});
