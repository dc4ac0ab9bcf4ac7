import { describe, expect, it } from "vitest";
import { boardHeadlines, formatPct, trendBarLabel } from "./board-headlines";
import { boardReportFixture } from "./board-report-fixture";

describe("formatPct", () => {
  it("rounds to one place, half away from zero, with an optional sign", () => {
    expect(formatPct("62.45")).toBe("62.5%");
    expect(formatPct("-3.25")).toBe("-3.3%");
    expect(formatPct("4.4904", { signed: true })).toBe("+4.5%");
    expect(formatPct("0", { signed: true })).toBe("0.0%");
    expect(formatPct(null)).toBe("n/a");
  });
});

describe("trendBarLabel", () => {
  it("names the spend, the forecast, both, or the gap", () => {
    expect(trendBarLabel("244.83", null)).toEqual(["$244.83"]);
    expect(trendBarLabel("244.83", "322.09")).toEqual(["$244.83", "fc $322.09"]);
    expect(trendBarLabel(null, "357.53")).toEqual(["fc $357.53"]);
    expect(trendBarLabel(null, null)).toEqual(["no data"]);
  });
});

describe("boardHeadlines", () => {
  it("prints the executive summary the same way on the page and in the PDF", () => {
    const byId = Object.fromEntries(boardHeadlines(boardReportFixture()).map((h) => [h.id, h]));
    expect(byId["ai-spend"]).toMatchObject({ label: "AI spend", value: "$1,342", detail: "+4.5% vs September 2026 ($1,285)" });
    expect(byId.revenue.value).toBe("$48,250");
    expect(byId["gross-margin"].value).toBe("97.2%");
    expect(byId["inference-share"]).toMatchObject({ value: "2.8%", detail: "Benchmark 23%: within it" });
    expect(byId.forecast.value).toBe("Period closed");
    expect(byId.budgets.value).toBe("1 red · 1 yellow · 2 green");
    expect(byId["shadow-ai"].detail).toBe("2 open findings, $1,380 in total");
    expect(byId.savings.value).toBe("$214.33/month");
  });

  it("says when there is no revenue or not enough history", () => {
    const base = boardReportFixture();
    const report = boardReportFixture({
      period: { ...base.period, is_current: true },
      summary: { ...base.summary, gross_margin_pct: null, inference_share_pct: null, ai_spend_change_pct: null },
    });
    const byId = Object.fromEntries(boardHeadlines(report).map((h) => [h.id, h]));
    expect(byId["gross-margin"].value).toBe("No revenue");
    expect(byId["inference-share"].detail).toBe("Benchmark 23%");
    expect(byId.forecast.value).toBe("Not enough data");
    expect(byId["ai-spend"].label).toBe("AI spend to date");
    expect(byId["ai-spend"].detail).toBe("No spend in September 2026 to compare");
  });
});
