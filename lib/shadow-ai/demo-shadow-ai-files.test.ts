import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sumDecimals } from "@/lib/format/decimal";
import { parseVendorBill } from "@/lib/vendor-bills/parse-vendor-bill";
import { buildDemoVendorBills, DEMO_SANCTIONED_TOOLS, DEMO_UNKNOWN_WORKSPACE, shiftTemplateDates, type TrackedDay } from "./demo-shadow-ai-files";
import { expensesFromCsv } from "./expenses-from-csv";
import { subscriptionsFromCsv } from "./subscriptions-from-csv";

const templates = path.resolve("prisma", "demo", "shadow-ai");
const expensesTemplate = readFileSync(path.join(templates, "expenses.csv"), "utf8");
const subscriptionsTemplate = readFileSync(path.join(templates, "subscriptions.csv"), "utf8");

function tracked(month: string, days: number, openai: string, anthropic: string): TrackedDay[] {
  return Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`).flatMap((day) => [
    { provider: "openai", model: "gpt-4o", day, costUsd: openai },
    { provider: "openai", model: "gpt-4o-mini", day, costUsd: "0.3333333333" },
    { provider: "anthropic", model: "claude-sonnet-4-20250514", day, costUsd: anthropic },
  ]);
}

function sumByMonth(rows: { month: string; amountUsd: string; project: string | null }[], project: string | null = null) {
  const months = new Map<string, string[]>();
  for (const r of rows.filter((r) => r.project === project)) months.set(r.month, [...(months.get(r.month) ?? []), r.amountUsd]);
  return Object.fromEntries([...months].map(([m, values]) => [m, sumDecimals(values)]));
}

describe("demo Shadow AI templates", () => {
  it("moves every date by whole months, keeps days that exist, and keeps card lines out of the future", () => {
    expect(shiftTemplateDates("2026-10-31,2026-11-14,2027-03-01", "2027-02")).toBe("2027-01-31,2027-02-14,2027-06-01");
    expect(shiftTemplateDates("2026-10-31,2026-11-30", "2026-12")).toBe("2026-11-30,2026-12-30");
    expect(shiftTemplateDates("2026-11-02,2026-11-13", "2027-02", "2027-02-05")).toBe("2027-02-02,2027-02-05");
    expect(shiftTemplateDates("2026-11-13", "2026-11")).toBe("2026-11-13");
  });

  it("the expense template is valid, with AI tools of every finding kind and look-alikes that are not AI", () => {
    const { rows, warnings } = expensesFromCsv(shiftTemplateDates(expensesTemplate, "2027-03", "2027-03-09"));
    expect(warnings).toEqual([]);
    expect(rows.filter((r) => r.message !== null)).toEqual([]);
    const ids = rows.map((r) => r.expense!.match?.vendorId ?? null);
    expect(new Set(ids)).toEqual(new Set(["openai-chatgpt", "midjourney", "cursor", "github-copilot", "perplexity", "otter-ai", "anthropic-claude", "elevenlabs", "deepseek", null]));
    expect(rows.every((r) => r.expense!.date <= "2027-03-09" && r.expense!.date >= "2027-02-01")).toBe(true);
  });

  it("the subscriptions template is valid: AI tools match the catalog, the rest is not AI", () => {
    const { rows, warnings } = subscriptionsFromCsv(shiftTemplateDates(subscriptionsTemplate, "2026-11"));
    expect(warnings).toEqual([]);
    expect(rows.map((r) => [r.subscription!.vendorName, r.subscription!.match?.vendorId ?? null])).toEqual([
      ["ChatGPT", "openai-chatgpt-business"],
      ["GitHub Copilot", "github-copilot"],
      ["Cursor", "cursor"],
      ["Grammarly", "grammarly"],
      ["Slack", null],
      ["Figma", null],
      ["Zoom", null],
      ["Notion", null],
    ]);
    // Sanctioned: ChatGPT Enterprise and Copilot; Cursor and Grammarly stay outside governance.
    expect(DEMO_SANCTIONED_TOOLS.map((t) => t.vendor_id)).toEqual(expect.arrayContaining(["openai-chatgpt-business", "github-copilot"]));
  });
});

describe("buildDemoVendorBills", () => {
  const days = [...tracked("2026-10", 31, "40.1234567891", "25.5"), ...tracked("2026-11", 24, "50", "30")];

  it("bills tracked cost exactly (rounded down) plus untracked OpenAI spend in the last full month, in the vendors' own shapes", () => {
    const bills = buildDemoVendorBills("2026-11-24", days);
    expect(bills).toMatchObject({ lastFull: "2026-10", current: "2026-11" });
    const openai = parseVendorBill(bills.openai);
    expect(openai).toMatchObject({ vendor: "openai", errors: [] });
    // Whole days only: 31 October days and 23 November days (the 24th is still running).
    expect(new Set(openai.rows.map((r) => r.date)).size).toBe(54);
    const openaiMonths = sumByMonth(openai.rows);
    // October tracked: 31 × 40.4567901224 = 1254.1604937944; untracked: max(25%, $300) = 313.5401234486.
    expect(Number(openaiMonths["2026-10"])).toBeCloseTo(1254.1604937944 + 313.5401234486, 3);
    expect(Number(openaiMonths["2026-10"])).toBeLessThanOrEqual(1254.1604937944 + 313.5401234486);
    expect(Number(openaiMonths["2026-11"])).toBeLessThanOrEqual(23 * 50.3333333333);
    expect(Number(openaiMonths["2026-11"])).toBeGreaterThan(23 * 50.3333333333 - 0.01);

    const anthropic = parseVendorBill(bills.anthropic);
    expect(anthropic).toMatchObject({ vendor: "anthropic", errors: [] });
    expect(sumByMonth(anthropic.rows)).toEqual({ "2026-10": "790.5000000000", "2026-11": "690.0000000000" });
    expect(sumByMonth(anthropic.rows, DEMO_UNKNOWN_WORKSPACE)).toEqual({ "2026-10": "12.0000000000" });
  });

  it("untracked OpenAI spend is at least $300 when little is tracked, and the same inputs give the same files", () => {
    const small = tracked("2026-10", 31, "1", "1");
    const openai = parseVendorBill(buildDemoVendorBills("2026-11-02", small).openai);
    const gpt41 = openai.rows.filter((r) => r.lineItem?.startsWith("gpt-4.1"));
    expect(Number(sumDecimals(gpt41.map((r) => r.amountUsd)))).toBeCloseTo(300, 3);
    expect(JSON.stringify(buildDemoVendorBills("2026-11-24", days))).toBe(JSON.stringify(buildDemoVendorBills("2026-11-24", days)));
  });
});
