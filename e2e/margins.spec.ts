import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { uniqueId } from "./support";
import { createApiKeyInPage, joinByInvitation, signUpWithOrganization, usdCents } from "./support/session";

/*
 * Issue 8: a finance person enters revenue for a feature that has spend, reads its margin on the
 * Margins page, each figure equal to GET /api/v1/margins and to the hand-computed cents, then opens
 * the board report for the month and downloads its PDF, which holds the same figures.
 * The organization's zone is UTC; every call lies in the last full month.
 */
type Margins = {
  period: string;
  features: { feature: string; revenue_usd: string; inference_cost_usd: string; gross_margin_usd: string; gross_margin_pct: string | null; flags: string[]; decisions: number; successful_outcomes: number }[];
  total: { revenue_usd: string; inference_cost_usd: string; gross_margin_usd: string; gross_margin_pct: string | null };
};

test("finance: enters a month of revenue and reads the feature's margin as the API answers it", async ({ page, browser }) => {
  const orgPath = await signUpWithOrganization(page, "Owner Mara");
  const key = await createApiKeyInPage(page, orgPath, ["ingest", "read"]);
  const now = new Date();
  const lastMonthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
  const period = new Date(lastMonthStart).toISOString().slice(0, 7);
  const feature = `support-bot-${uniqueId(3)}`;
  const at = (hours: number) => new Date(lastMonthStart + hours * 3_600_000).toISOString();
  const call = (cost: string, hours: number, run: string) => ({ id: `m-${uniqueId()}`, timestamp: at(hours), provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 500, output_tokens: 100 }, cost_usd: cost, feature, workflow: "answer", run_id: run });
  const events = [call("1.25", 30, "r1"), call("0.5", 30.1, "r1"), call("0.25", 50, "r2")];
  const sent = await page.request.post("/api/v1/events", { headers: { Authorization: `Bearer ${key}` }, data: { events } });
  expect(await sent.json()).toMatchObject({ accepted: 3, rejected: 0 });
  const outcome = await page.request.post("/api/v1/outcomes", { headers: { Authorization: `Bearer ${key}` }, data: { outcomes: [{ run_id: "r1", outcome: "success" }] } });
  expect(outcome.status()).toBe(200);

  // The finance person joins through an invitation.
  const { context, member: finance } = await joinByInvitation(page, browser, orgPath, "FINANCE");

  // Settings → Revenue: a wrong amount is named on its field, then the month is saved.
  await finance.goto(`${orgPath}/settings/revenue`);
  const form = finance.getByRole("form", { name: "Record revenue" });
  await form.getByLabel("Month").fill(period);
  await form.getByLabel("Feature").fill(feature);
  await form.getByLabel("Amount (USD)").fill("20,00");
  await form.getByRole("button", { name: "Save revenue" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "non-negative decimal" })).toBeVisible();
  await form.getByLabel("Amount (USD)").fill("20.00");
  await form.getByRole("button", { name: "Save revenue" }).click();
  await expect(form.getByText(`Saved ${period} · ${feature}`)).toBeVisible();
  const stored = finance.getByRole("table", { name: "Stored revenue" }).getByTestId("revenue-row");
  await expect(stored).toHaveCount(1);
  await expect(stored).toContainText(usdCents("20"));

  // Margins: the API's figures, and by hand: revenue $20.00, cost 1.25 + 0.5 + 0.25 = $2.00, margin $18.00 (90.00%).
  const response = await page.request.get(`/api/v1/margins?period=${period}`, { headers: { Authorization: `Bearer ${key}` } });
  expect(response.status()).toBe(200);
  const margins = (await response.json()) as Margins;
  const row = margins.features.find((f) => f.feature === feature)!;
  expect(row).toMatchObject({ revenue_usd: "20.0000000000", inference_cost_usd: "2.0000000000", gross_margin_usd: "18.0000000000", gross_margin_pct: "90.00", decisions: 2, successful_outcomes: 1 });
  // $2 is more than 10% of the $18 gross margin, and under the 23% benchmark.
  expect(row.flags).toEqual(["inference_above_10pct_of_gross_margin"]);

  await finance.goto(`${orgPath}/margins?period=${period}`);
  await expect(finance.getByRole("heading", { name: "Margins", exact: true })).toBeVisible();
  await expect(finance.getByTestId("stat-revenue")).toHaveText(usdCents(margins.total.revenue_usd));
  await expect(finance.getByTestId("stat-cost")).toHaveText(usdCents(margins.total.inference_cost_usd));
  await expect(finance.getByTestId("stat-margin-pct")).toHaveText(`${margins.total.gross_margin_pct}%`);
  const tableRow = finance.getByRole("table", { name: "Margins per feature" }).locator(`tr[data-feature="${feature}"]`);
  await expect(tableRow.getByTestId("margin-revenue")).toHaveText("$20.00");
  await expect(tableRow.getByTestId("margin-cost")).toHaveText("$2.00");
  await expect(tableRow.getByTestId("margin-gross")).toHaveText("$18.00");
  await expect(tableRow).toContainText("Over 10% of gross margin");
  await expect(finance.locator("#main").getByRole("link", { name: "Board report" })).toHaveAttribute("href", `${orgPath}/reports/board?period=${period}`);

  // On to the board report for the same month, and its PDF: the revenue just entered is in it.
  await finance.locator("#main").getByRole("link", { name: "Board report" }).click();
  await expect(finance.getByRole("heading", { level: 1, name: "Board report" })).toBeVisible();
  const summary = finance.getByRole("region", { name: "Executive summary" });
  await expect(summary.getByTestId("board-revenue")).toHaveText("$20.00");
  await expect(summary.getByTestId("board-ai-spend")).toHaveText("$2.00");
  const [download] = await Promise.all([finance.waitForEvent("download"), finance.getByRole("link", { name: "Download PDF (Letter)" }).click()]);
  expect(download.suggestedFilename()).toBe(`marginal-board-${period}.pdf`);
  const pdf = await getDocumentProxy(new Uint8Array(await readFile((await download.path())!)));
  // US Letter landscape is 792 × 612 pt.
  expect((await pdf.getPage(1)).view.map(Math.round)).toEqual([0, 0, 792, 612]);
  const { text } = await extractText(pdf, { mergePages: true });
  expect(text).toContain("$20.00");
  expect(text).toContain("$2.00");
  await context.close();
});
