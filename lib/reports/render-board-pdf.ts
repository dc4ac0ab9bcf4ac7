import "server-only";
import PDFDocument from "pdfkit";
import { LEVEL_WORD } from "@/lib/budgets-view/prepare-budget-meter";
import { formatUsdTotal } from "@/lib/format/format-money";
import { boardHeadlines, formatPct, trendBarLabel } from "./board-headlines";
import type { BoardReport } from "./board-report";
import { AI_MARGIN_BENCHMARK, SAAS_MARGIN_BENCHMARK } from "./margin-benchmark";
import { pdfText } from "./pdf-text";
import type { Paper } from "./schemas";

/*
 * The board report as a print-ready PDF (SPEC 7), drawn with pdfkit: pure JavaScript, its 14
 * standard fonts read from its own package folder (so it stays an external package in
 * next.config.js), no browser. Three landscape pages with the page's sections: summary and margin,
 * trend and budgets, risks and savings levers. Lists are capped so each section fits its page.
 */

const PAPER_SIZE: Record<Paper, "A4" | "LETTER"> = { a4: "A4", letter: "LETTER" };
const MARGIN = 36;
const PAGES = 3;
const BUDGET_ROWS = 12;
const LEVER_ROWS = 8;
const FEATURE_ROWS = 6;

const INK = "#0f172a";
const MUTED = "#64748b";
const RULE = "#e2e8f0";
const ACCENT = "#4f46e5";
const LEVEL_COLOR = { red: "#dc2626", yellow: "#f59e0b", green: "#10b981" } as const;
const TONE_COLOR = { red: "#dc2626", yellow: "#b45309", green: "#047857", neutral: MUTED } as const;
const RISK_WORD = { budget: "Red budget", anomaly: "Cost spike", shadow_ai: "Shadow AI" } as const;

type Doc = PDFKit.PDFDocument;
type Column = { title: string; width: number; align?: "left" | "right" };

/** Renders the report as a PDF on A4 or Letter paper, landscape. */
export async function renderBoardPdf(report: BoardReport, paper: Paper = "a4"): Promise<Buffer> {
  const doc = new PDFDocument({
    size: PAPER_SIZE[paper],
    layout: "landscape",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: pdfText(`Board report ${report.period.title} - ${report.org.name}`), Author: "Marginal", Subject: "AI cost board report" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  drawSummaryPage(doc, report);
  doc.addPage();
  drawTrendPage(doc, report);
  doc.addPage();
  drawRisksPage(doc, report);
  doc.end();
  return finished;
}

const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;

/** Writes one line (or `lines` lines) of text in a box, cut with an ellipsis, never moving to a new page. */
function put(doc: Doc, text: string, x: number, y: number, options: { width: number; size?: number; bold?: boolean; color?: string; align?: "left" | "right" | "center"; lines?: number }) {
  const size = options.size ?? 9;
  doc
    .font(options.bold ? "Helvetica-Bold" : "Helvetica")
    .fontSize(size)
    .fillColor(options.color ?? INK)
    .text(pdfText(text), x, y, { width: options.width, align: options.align ?? "left", height: size * 1.25 * (options.lines ?? 1), ellipsis: true, lineGap: 0 });
}

/** The page's title block and footer; answers the y where content starts. */
function frame(doc: Doc, report: BoardReport, pageNumber: number, heading: string): number {
  const width = contentWidth(doc);
  put(doc, `${report.org.name} · AI cost board report`, MARGIN, MARGIN, { width, size: 9, color: MUTED });
  put(doc, `${heading} — ${report.period.title}`, MARGIN, MARGIN + 14, { width, size: 18, bold: true });
  doc.moveTo(MARGIN, MARGIN + 40).lineTo(MARGIN + width, MARGIN + 40).lineWidth(0.75).strokeColor(RULE).stroke();
  // The footer sits inside the bottom margin; without lifting the margin pdfkit would start a new page.
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const footer = `${report.period.first_date} to ${report.period.last_date} (${report.org.time_zone}) · amounts in USD · generated ${report.generated_at.slice(0, 16).replace("T", " ")} UTC by Marginal`;
  put(doc, footer, MARGIN, doc.page.height - MARGIN + 10, { width: width - 80, size: 8, color: MUTED });
  put(doc, `Page ${pageNumber} of ${PAGES}`, MARGIN + width - 80, doc.page.height - MARGIN + 10, { width: 80, size: 8, color: MUTED, align: "right" });
  doc.page.margins.bottom = bottom;
  return MARGIN + 52;
}

function sectionTitle(doc: Doc, text: string, x: number, y: number, width: number): number {
  put(doc, text, x, y, { width, size: 12, bold: true });
  return y + 20;
}

/** A table of text rows with a header rule; answers the y below it. */
function table(doc: Doc, x: number, y: number, columns: Column[], rows: string[][], options: { rowHeight?: number; boldLast?: boolean } = {}): number {
  const rowHeight = options.rowHeight ?? 16;
  let cx = x;
  for (const c of columns) {
    put(doc, c.title.toUpperCase(), cx, y, { width: c.width - 6, size: 7, color: MUTED, bold: true, align: c.align });
    cx += c.width;
  }
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  y += 12;
  doc.moveTo(x, y).lineTo(x + total, y).lineWidth(0.5).strokeColor(RULE).stroke();
  y += 4;
  rows.forEach((row, i) => {
    cx = x;
    row.forEach((cell, j) => {
      put(doc, cell, cx, y, { width: columns[j].width - 6, size: 9, align: columns[j].align, bold: options.boldLast && i === rows.length - 1 });
      cx += columns[j].width;
    });
    y += rowHeight;
  });
  return y;
}

function drawSummaryPage(doc: Doc, report: BoardReport) {
  let y = frame(doc, report, 1, "Executive summary");
  const width = contentWidth(doc);
  const gap = 10;
  const boxWidth = (width - 3 * gap) / 4;
  const boxHeight = 74;
  boardHeadlines(report).forEach((h, i) => {
    const x = MARGIN + (i % 4) * (boxWidth + gap);
    const top = y + Math.floor(i / 4) * (boxHeight + gap);
    doc.roundedRect(x, top, boxWidth, boxHeight, 4).lineWidth(0.75).strokeColor(RULE).stroke();
    put(doc, h.label, x + 10, top + 9, { width: boxWidth - 20, size: 9, color: MUTED });
    put(doc, h.value, x + 10, top + 23, { width: boxWidth - 20, size: h.value.length > 16 ? 13 : 18, bold: true });
    put(doc, h.detail, x + 10, top + 47, { width: boxWidth - 20, size: 8, color: MUTED, lines: 2 });
  });
  y += 2 * boxHeight + gap + 22;

  y = sectionTitle(doc, "AI gross margin against benchmarks", MARGIN, y, width);
  const verdict = report.margin.verdict;
  put(doc, `${verdict.gross_margin_pct === null ? "No revenue" : formatPct(verdict.gross_margin_pct)}: ${verdict.text}`, MARGIN, y, { width, size: 10, bold: true, color: TONE_COLOR[verdict.tone] });
  y += 18;
  y = drawBenchmarkScale(doc, MARGIN, y, width * 0.55, verdict.gross_margin_pct);

  const featureTop = y + 14;
  const features = report.margin.features.slice(0, FEATURE_ROWS);
  if (features.length === 0) {
    put(doc, "No revenue entered for this period: margins per feature appear once revenue is recorded.", MARGIN, featureTop, { width, size: 9, color: MUTED });
  } else {
    const columns: Column[] = [
      { title: "Feature", width: 220 },
      { title: "Revenue", width: 110, align: "right" },
      { title: "Inference cost", width: 110, align: "right" },
      { title: "Gross margin", width: 100, align: "right" },
      { title: "Inference / revenue", width: 120, align: "right" },
    ];
    const end = table(
      doc,
      MARGIN,
      featureTop,
      columns,
      features.map((f) => [f.feature, formatUsdTotal(f.revenue_usd), formatUsdTotal(f.inference_cost_usd), formatPct(f.gross_margin_pct), formatPct(f.inference_share_of_revenue_pct)]),
    );
    const more = report.margin.features.length - features.length;
    if (more > 0) put(doc, `and ${more} more feature${more === 1 ? "" : "s"} in the CSV and on the margins page`, MARGIN, end + 2, { width, size: 8, color: MUTED });
  }
}

/** A 0–100 % scale with the AI and SaaS bands and a marker at the margin; answers the y below it. */
function drawBenchmarkScale(doc: Doc, x: number, y: number, width: number, pct: string | null): number {
  const at = (value: number) => x + (Math.min(100, Math.max(0, value)) / 100) * width;
  const barY = y + 12;
  doc.rect(x, barY, width, 10).fillColor("#f1f5f9").fill();
  doc.rect(at(Number(AI_MARGIN_BENCHMARK.low)), barY, at(Number(AI_MARGIN_BENCHMARK.high)) - at(Number(AI_MARGIN_BENCHMARK.low)), 10).fillColor("#fde68a").fill();
  doc.rect(at(Number(SAAS_MARGIN_BENCHMARK.low)), barY, at(Number(SAAS_MARGIN_BENCHMARK.high)) - at(Number(SAAS_MARGIN_BENCHMARK.low)), 10).fillColor("#a7f3d0").fill();
  put(doc, `AI ${AI_MARGIN_BENCHMARK.low}–${AI_MARGIN_BENCHMARK.high}%`, at(50) - 20, y, { width: 80, size: 7, color: "#92400e" });
  put(doc, `SaaS ${SAAS_MARGIN_BENCHMARK.low}–${SAAS_MARGIN_BENCHMARK.high}%`, at(70), y, { width: 90, size: 7, color: "#065f46" });
  for (const tick of [0, 25, 50, 75, 100]) put(doc, `${tick}%`, at(tick) - 15, barY + 13, { width: 30, size: 7, color: MUTED, align: "center" });
  if (pct !== null) {
    const mx = at(Number(pct));
    doc.moveTo(mx, barY - 4).lineTo(mx, barY + 14).lineWidth(2.5).strokeColor(INK).stroke();
  }
  return barY + 24;
}

function drawTrendPage(doc: Doc, report: BoardReport) {
  const top = frame(doc, report, 2, "Spend trend and budgets");
  const width = contentWidth(doc);
  const chartWidth = width * 0.5;
  let y = sectionTitle(doc, "AI spend per month, with forecast", MARGIN, top, chartWidth);
  drawTrendChart(doc, report, MARGIN, y, chartWidth, doc.page.height - MARGIN - y - 30);

  const x = MARGIN + chartWidth + 24;
  const listWidth = width - chartWidth - 24;
  y = sectionTitle(doc, "Budget lights", x, top, listWidth);
  if (report.budgets.length === 0) {
    put(doc, "No budgets yet.", x, y, { width: listWidth, color: MUTED });
    return;
  }
  put(doc, `${report.summary.budgets.red} red · ${report.summary.budgets.yellow} yellow · ${report.summary.budgets.green} green, as of their last evaluation`, x, y - 4, { width: listWidth, size: 8, color: MUTED });
  y += 12;
  const shown = report.budgets.slice(0, BUDGET_ROWS);
  for (const b of shown) {
    doc.circle(x + 5, y + 5, 4).fillColor(LEVEL_COLOR[b.level]).fill();
    put(doc, LEVEL_WORD[b.level], x + 13, y, { width: 40, size: 8, bold: true, color: MUTED });
    put(doc, b.name, x + 55, y, { width: listWidth - 205, size: 9, bold: true });
    const money = `${formatUsdTotal(b.spend_usd)} of ${formatUsdTotal(b.amount_usd)}${b.forecast_usd ? ` · fc ${formatUsdTotal(b.forecast_usd)}` : ""}`;
    put(doc, money, x + listWidth - 150, y, { width: 150, size: 8, align: "right" });
    put(doc, b.reason, x + 55, y + 12, { width: listWidth - 55, size: 7, color: MUTED });
    y += 28;
  }
  if (report.budgets.length > shown.length) put(doc, `and ${report.budgets.length - shown.length} more on the budgets page`, x, y, { width: listWidth, size: 8, color: MUTED });
}

/** Bars for each month's spend; an outlined bar on top for the forecast of a running or coming month. */
function drawTrendChart(doc: Doc, report: BoardReport, x: number, y: number, width: number, height: number) {
  const values = report.trend.flatMap((p) => [Number(p.spend_usd ?? 0), Number(p.forecast_usd ?? 0)]);
  const max = Math.max(...values, 0);
  // Room above the tallest bar for its two label lines.
  const plotTop = y + 26;
  const plotHeight = height - 56;
  const base = plotTop + plotHeight;
  doc.moveTo(x, base).lineTo(x + width, base).lineWidth(0.75).strokeColor("#94a3b8").stroke();
  if (max === 0) {
    put(doc, "No spend recorded in these months.", x, plotTop + plotHeight / 2, { width, align: "center", color: MUTED });
  }
  const slot = width / Math.max(1, report.trend.length);
  const barWidth = slot * 0.55;
  const scale = (v: number) => (max === 0 ? 0 : (v / max) * plotHeight);
  report.trend.forEach((p, i) => {
    const bx = x + i * slot + (slot - barWidth) / 2;
    const spend = Number(p.spend_usd ?? 0);
    if (p.forecast_usd !== null) {
      const h = scale(Number(p.forecast_usd));
      doc.rect(bx, base - h, barWidth, h).dash(3, { space: 2 }).lineWidth(1).strokeColor(ACCENT).stroke().undash();
    }
    if (p.spend_usd !== null && spend > 0) doc.rect(bx, base - scale(spend), barWidth, scale(spend)).fillColor(ACCENT).fill();
    const top = Math.max(scale(spend), p.forecast_usd !== null ? scale(Number(p.forecast_usd)) : 0);
    const label = trendBarLabel(p.spend_usd, p.forecast_usd);
    label.forEach((line, n) => put(doc, line, x + i * slot, base - top - 10 * (label.length - n) - 2, { width: slot, size: 7, align: "center" }));
    put(doc, `${p.label}${p.partial ? " (to date)" : ""}`, x + i * slot, base + 5, { width: slot, size: 7, color: MUTED, align: "center" });
  });
  const legendY = base + 22;
  doc.rect(x, legendY + 1, 8, 8).fillColor(ACCENT).fill();
  put(doc, "Spend", x + 12, legendY, { width: 60, size: 8, color: MUTED });
  doc.rect(x + 60, legendY + 1, 8, 8).dash(2, { space: 1 }).lineWidth(1).strokeColor(ACCENT).stroke().undash();
  put(doc, "Forecast (to date + daily run rate × days left)", x + 72, legendY, { width: width - 72, size: 8, color: MUTED });
}

function drawRisksPage(doc: Doc, report: BoardReport) {
  let y = frame(doc, report, 3, "Top risks and savings levers");
  const width = contentWidth(doc);
  y = sectionTitle(doc, "Top risks", MARGIN, y, width);
  if (report.risks.length === 0) {
    put(doc, "No red budget, cost spike or open shadow-AI finding in this period.", MARGIN, y, { width, color: MUTED });
    y += 22;
  } else {
    const columns: Column[] = [
      { title: "Kind", width: 80 },
      { title: "Risk", width: 270 },
      { title: "Detail", width: width - 80 - 270 - 100 },
      { title: "At stake", width: 100, align: "right" },
    ];
    y = table(doc, MARGIN, y, columns, report.risks.map((r) => [RISK_WORD[r.kind], r.title, r.detail, formatUsdTotal(r.amount_usd)])) + 16;
  }

  y = sectionTitle(doc, "Savings levers (estimated, from the what-if tools)", MARGIN, y, width);
  if (report.levers.length === 0) {
    put(doc, "No savings lever found in this period's usage.", MARGIN, y, { width, color: MUTED });
    return;
  }
  const columns: Column[] = [
    { title: "Lever", width: 300 },
    { title: "How it is estimated", width: width - 300 - 120 },
    { title: "Per month", width: 120, align: "right" },
  ];
  const shown = report.levers.slice(0, LEVER_ROWS);
  const rows = shown.map((l) => [l.title, `${l.detail} (${l.basis})`, formatUsdTotal(l.monthly_saving_usd)]);
  const more = report.levers.length - shown.length;
  rows.push([`Total of ${report.levers.length} lever${report.levers.length === 1 ? "" : "s"}`, more > 0 ? `${more} smaller lever${more === 1 ? "" : "s"} not listed here: see the CSV` : "", formatUsdTotal(report.summary.savings_monthly_usd)]);
  table(doc, MARGIN, y, columns, rows, { boldLast: true });
}
