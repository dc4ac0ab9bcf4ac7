import { NextRequest } from "next/server";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getBoardCsv } from "@/app/api/v1/reports/board.csv/route";
import { GET as getBoardPdf } from "@/app/api/v1/reports/board.pdf/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as postRevenue } from "@/app/api/v1/revenue/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { OrgContext } from "@/lib/auth/org-context";
import { db } from "@/lib/db";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { loadBoardReport } from "./load-board-report";

// Route calls without a key fall back to the session; outside Next.js there is none.
vi.mock("@/lib/auth/session", () => ({ getSessionUserId: async () => null }));

withTestDatabase();

// Friday 2026-11-20 12:00 UTC: October is closed, November is running.
const NOW = new Date("2026-11-20T12:00:00Z");
let counter = 0;

function event(timestamp: string, cost_usd: string, feature: string) {
  counter += 1;
  return { id: `board-${counter}`, timestamp, provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 100, output_tokens: 10 }, cost_usd, feature };
}

/** A small org: August $50, September $100, October $200 (search 150, chat 50), November $30; October revenue $800. */
async function seedOrg(): Promise<{ ctx: OrgContext; readKey: string }> {
  const ctx = await createOrgWithOwner("Board Fixture");
  const ingest = (await createApiKey(ctx, { name: "ingest", scopes: ["ingest"] })).secret;
  const readKey = (await createApiKey(ctx, { name: "read", scopes: ["read"] })).secret;
  const events = [
    event("2026-08-10T12:00:00Z", "50", "search"),
    event("2026-09-10T12:00:00Z", "100", "search"),
    event("2026-10-05T12:00:00Z", "150", "search"),
    event("2026-10-06T12:00:00Z", "50", "chat"),
    event("2026-11-10T12:00:00Z", "30", "chat"),
  ];
  expect((await callRoute(postEvents, { key: ingest, body: { events } })).json).toMatchObject({ accepted: events.length });
  const revenue = [
    { month: "2026-10", feature: "search", amount_usd: "500" },
    { month: "2026-10", feature: "chat", amount_usd: "300" },
  ];
  expect((await callRoute(postRevenue, { key: ingest, body: { revenue } })).status).toBe(200);
  await db.budget.create({ data: { orgId: ctx.orgId, name: "Chat cap", scopeDimension: "feature", scopeValue: "chat", period: "month", amountUsd: "20", level: "red", spendUsd: "30", reason: "Spend is 150% of the amount" } });
  await db.budget.create({ data: { orgId: ctx.orgId, name: "Org month", scopeDimension: "org", period: "month", amountUsd: "1000", level: "green", spendUsd: "30", reason: "Spend is 3% of the amount" } });
  await db.finding.create({ data: { orgId: ctx.orgId, kind: "unsanctioned_tool", key: "unsanctioned_tool:midjourney", title: "Midjourney paid outside governance", totalUsd: "120", monthlyUsd: [], people: [], evidence: [] } });
  await db.finding.create({ data: { orgId: ctx.orgId, kind: "unsanctioned_tool", key: "unsanctioned_tool:x", title: "Dismissed tool", totalUsd: "999", monthlyUsd: [], people: [], evidence: [], status: "dismissed" } });
  return { ctx, readKey };
}

async function getPdf(query: string, key?: string) {
  const req = new NextRequest(`http://localhost/api/v1/reports/board.pdf?${query}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  return getBoardPdf(req, { params: Promise.resolve({}) });
}

describe("loadBoardReport", () => {
  let a: { ctx: OrgContext; readKey: string };

  beforeAll(async () => {
    a = await seedOrg();
  });

  it("sums a closed month's spend, revenue and margin exactly, against the previous month", async () => {
    const report = await loadBoardReport(a.ctx, "2026-10", NOW);
    expect(report.period).toEqual({ label: "2026-10", kind: "month", title: "October 2026", first_date: "2026-10-01", last_date: "2026-10-31", previous_label: "2026-09", previous_title: "September 2026", is_current: false });
    expect(report.summary).toMatchObject({
      ai_spend_usd: "200.0000000000",
      previous_ai_spend_usd: "100.0000000000",
      ai_spend_change_pct: "100.0000",
      revenue_usd: "800.0000000000",
      gross_margin_usd: "600.0000000000",
      gross_margin_pct: "75.00",
      inference_share_pct: "25.00",
      inference_share_benchmark_pct: "23",
      forecast_usd: null,
      budgets: { red: 1, yellow: 0, green: 1 },
      open_findings: 1,
      open_findings_usd: "120.0000000000",
    });
    expect(report.margin.verdict.band).toBe("saas");
    expect(report.margin.features.map((f) => [f.feature, f.revenue_usd, f.inference_cost_usd, f.gross_margin_pct])).toEqual([
      ["search", "500.0000000000", "150.0000000000", "70.00"],
      ["chat", "300.0000000000", "50.0000000000", "83.33"],
    ]);
  });

  it("shows six months of spend, gaps before the first event, and the top risks", async () => {
    const report = await loadBoardReport(a.ctx, "2026-10", NOW);
    expect(report.trend.map((p) => [p.month, p.spend_usd, p.forecast_usd])).toEqual([
      ["2026-05", null, null],
      ["2026-06", null, null],
      ["2026-07", null, null],
      ["2026-08", "50.0000000000", null],
      ["2026-09", "100.0000000000", null],
      ["2026-10", "200.0000000000", null],
    ]);
    expect(report.risks.map((r) => [r.kind, r.title])).toEqual([
      ["budget", 'Budget "Chat cap" is red'],
      // $150 on a day whose 28-day baseline is mostly quiet days.
      ["anomaly", 'Cost spike in feature "search" on 2026-10-05'],
      ["shadow_ai", "Midjourney paid outside governance"],
    ]);
    expect(report.risks[1].amount_usd).toBe("150.0000000000");
    expect(report.budgets.map((b) => b.name)).toEqual(["Chat cap", "Org month"]);
  });

  it("forecasts a running quarter to its end", async () => {
    const report = await loadBoardReport(a.ctx, "2026-Q4", NOW);
    expect(report.period).toMatchObject({ kind: "quarter", title: "Q4 2026 (Oct–Dec 2026)", is_current: true, previous_label: "2026-Q3", previous_title: "Q3 2026 (Jul–Sep 2026)" });
    expect(report.summary.ai_spend_usd).toBe("230.0000000000");
    expect(report.summary.previous_ai_spend_usd).toBe("150.0000000000");
    const november = report.trend.find((p) => p.month === "2026-11")!;
    expect(november).toMatchObject({ spend_usd: "30.0000000000", partial: true });
    expect(november.forecast_usd).not.toBeNull();
    expect(report.trend.find((p) => p.month === "2026-12")).toMatchObject({ spend_usd: null });
    // October's final spend + November's forecast + December at the run rate.
    expect(Number(report.summary.forecast_usd)).toBeGreaterThan(230);
  });

  describe("Data Security and Isolation", () => {
    it("never shows one organization's spend, revenue, budgets or findings in another's report", async () => {
      const b = await createOrgWithOwner("Other Org");
      const report = await loadBoardReport(b, "2026-10", NOW);
      expect(report.summary).toMatchObject({
        ai_spend_usd: "0.0000000000",
        revenue_usd: "0.0000000000",
        gross_margin_pct: null,
        budgets: { red: 0, yellow: 0, green: 0 },
        open_findings: 0,
      });
      expect(report.trend.every((p) => p.spend_usd === null)).toBe(true);
      expect(report.risks).toEqual([]);
      expect(report.margin.verdict.band).toBe("no_revenue");
      const readB = (await createApiKey(b, { name: "read", scopes: ["read"] })).secret;
      const pdf = await getPdf("period=2026-10", readB);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), { mergePages: true });
      expect(text).toContain("Other Org");
      expect(text).not.toContain("Board Fixture");
      expect(text).not.toContain("Midjourney");
    });
  });
});

describe("GET /api/v1/reports/board.pdf and board.csv", () => {
  let a: { ctx: OrgContext; readKey: string };

  beforeAll(async () => {
    a = await seedOrg();
  });

  it("answers 401 without a key and with a key lacking the read scope", async () => {
    expect((await getPdf("period=2026-10")).status).toBe(401);
    const ingestOnly = (await createApiKey(a.ctx, { name: "i2", scopes: ["ingest"] })).secret;
    expect((await getPdf("period=2026-10", ingestOnly)).status).toBe(401);
  });

  it("answers a landscape PDF attachment holding the headline numbers", async () => {
    const res = await getPdf("period=2026-10&paper=letter", a.readKey);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="marginal-board-2026-10.pdf"');
    const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    expect((await pdf.getPage(1)).view).toEqual([0, 0, 792, 612]);
    const { text } = await extractText(pdf, { mergePages: true });
    for (const figure of ["$200.00", "$800.00", "75.0%", "25.0%", "+100.0%", "1 red · 0 yellow · 1 green"]) expect(text).toContain(figure);
  });

  it("names a bad or missing period and a bad paper", async () => {
    for (const query of ["period=2026-13", "period=Q4", ""]) {
      const res = await getPdf(query, a.readKey);
      expect(res.status).toBe(400);
      expect((await res.json()).issues[0].path).toBe("period");
    }
    const paper = await getPdf("period=2026-10&paper=a3", a.readKey);
    expect(paper.status).toBe(400);
    expect((await paper.json()).issues[0].path).toBe("paper");
  });

  it("answers the data as section,metric,value CSV", async () => {
    const req = new NextRequest("http://localhost/api/v1/reports/board.csv?period=2026-10", { headers: { authorization: `Bearer ${a.readKey}` } });
    const csv = await getBoardCsv(req, { params: Promise.resolve({}) });
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="marginal-board-2026-10.csv"');
    const lines = (await csv.text()).split("\r\n");
    expect(lines[0]).toBe("section,metric,value");
    expect(lines).toContain("summary,revenue_usd,800.0000000000");
    expect(lines).toContain("summary,ai_spend_usd,200.0000000000");
  });
});
