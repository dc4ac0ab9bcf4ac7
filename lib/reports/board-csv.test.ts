import { describe, expect, it } from "vitest";
import { boardReportToCsv } from "./board-csv";
import { boardReportFixture } from "./board-report-fixture";

describe("boardReportToCsv", () => {
  it("writes one exact figure per row", () => {
    const lines = boardReportToCsv(boardReportFixture()).split("\r\n");
    expect(lines[0]).toBe("section,metric,value");
    expect(lines).toContain("summary,ai_spend_usd,1342.1800000000");
    expect(lines).toContain("summary,revenue_usd,48250.0000000000");
    expect(lines).toContain("summary,forecast_usd,");
    expect(lines).toContain("margin,verdict,above_saas");
    expect(lines).toContain("trend,2026-10 spend_usd,1342.18");
    expect(lines).toContain('risk_budget,"Budget ""Chat monthly"" is red",1210');
    expect(lines).toContain("savings_lever,Cache 30% of input tokens on claude-sonnet,34.3300000000");
  });

  it("neutralizes a name that would run as a spreadsheet formula", () => {
    const base = boardReportFixture();
    const csv = boardReportToCsv({ ...base, budgets: [{ ...base.budgets[0], name: "=HYPERLINK(1)" }] });
    expect(csv).toContain("budget,'=HYPERLINK(1) level,red");
  });
});
