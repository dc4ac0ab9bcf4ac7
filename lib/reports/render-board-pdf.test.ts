import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { boardHeadlines } from "./board-headlines";
import { boardReportFixture } from "./board-report-fixture";
import { renderBoardPdf } from "./render-board-pdf";

/** Opens a PDF as a reader would: its pages' sizes and its text. */
async function openPdf(bytes: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const sizes: number[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const [x0, y0, x1, y1] = (await pdf.getPage(n)).view;
    sizes.push([Math.round(x1 - x0), Math.round(y1 - y0)]);
  }
  const { text } = await extractText(pdf, { mergePages: true });
  return { pages: pdf.numPages, sizes, text: text.replace(/\s+/g, " ") };
}

describe("renderBoardPdf", () => {
  it("draws three landscape A4 pages holding the headline numbers as the page prints them", async () => {
    const report = boardReportFixture();
    const bytes = await renderBoardPdf(report, "a4");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pdf = await openPdf(bytes);
    expect(pdf.pages).toBe(3);
    expect(pdf.sizes).toEqual([[842, 595], [842, 595], [842, 595]]);
    for (const headline of boardHeadlines(report)) {
      expect(pdf.text).toContain(headline.label);
      expect(pdf.text).toContain(headline.value);
    }
    expect(pdf.text).toContain("$1,342");
    expect(pdf.text).toContain("$48,250");
    expect(pdf.text).toContain("97.2%");
    expect(pdf.text).toContain("Executive summary — October 2026");
    expect(pdf.text).toContain("Chat monthly");
    expect(pdf.text).toContain("ChatGPT paid outside governance");
    expect(pdf.text).toContain("Route 50% of search's gpt-4o calls to gpt-4o-mini");
    expect(pdf.text).toContain("Total of 2 levers");
    expect(pdf.text).toContain("Page 3 of 3");
  });

  it("lays the same pages out on Letter paper, landscape", async () => {
    const pdf = await openPdf(await renderBoardPdf(boardReportFixture(), "letter"));
    expect(pdf.sizes).toEqual([[792, 612], [792, 612], [792, 612]]);
    expect(pdf.text).toContain("$48,250");
  });

  it("caps long feature and lever lists on their page and says how many more there are", async () => {
    const base = boardReportFixture();
    const features = Array.from({ length: 8 }, (_, i) => ({ ...base.margin.features[0], feature: `feature-${i}` }));
    const levers = Array.from({ length: 12 }, (_, i) => ({ ...base.levers[0], id: `l${i}`, title: `Lever ${i}` }));
    const pdf = await openPdf(await renderBoardPdf({ ...base, levers, margin: { ...base.margin, features } }, "a4"));
    expect(pdf.pages).toBe(3);
    expect(pdf.text).toContain("and 2 more features");
    expect(pdf.text).toContain("Total of 12 levers");
    expect(pdf.text).toContain("4 smaller levers not listed here");
  });

  it("stays three pages with long lists and names outside the fonts' characters, and says what is missing", async () => {
    const base = boardReportFixture();
    const many = Array.from({ length: 40 }, (_, i) => ({ ...base.budgets[0], name: `東京 budget ${i} with a very long name that needs cutting short somewhere` }));
    const pdf = await openPdf(
      await renderBoardPdf({ ...base, budgets: many, levers: [], risks: [], margin: { ...base.margin, features: [] }, trend: base.trend.map((p) => ({ ...p, spend_usd: null })) }, "a4"),
    );
    expect(pdf.pages).toBe(3);
    expect(pdf.text).toContain("?? budget 0");
    expect(pdf.text).toContain("and 28 more on the budgets page");
    expect(pdf.text).toContain("No savings lever found");
    expect(pdf.text).toContain("No red budget, cost spike or open shadow-AI finding");
  });
});
