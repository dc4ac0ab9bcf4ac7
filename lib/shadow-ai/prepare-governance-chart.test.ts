import { describe, expect, it } from "vitest";
import { monthLabel, prepareGovernanceChart, sharePct } from "./prepare-governance-chart";

const month = (m: string, s: string, u: string, t: string, x: string) => ({ month: m, sanctioned_usd: s, unsanctioned_usd: u, tracked_api_usd: t, unattributed_api_usd: x });

describe("prepareGovernanceChart", () => {
  it("stacks inside then outside, with exact totals and the share outside", () => {
    const data = prepareGovernanceChart([month("2026-10", "100.10", "20.05", "0", "10"), month("2026-11", "0", "0.1", "50", "0")]);
    expect(data.series.map((s) => [s.key, s.side, s.total])).toEqual([
      ["sanctioned", "inside", "100.1000000000"],
      ["tracked", "inside", "50.0000000000"],
      ["unsanctioned", "outside", "20.1500000000"],
      ["unattributed", "outside", "10.0000000000"],
    ]);
    expect(data.points).toEqual([
      { month: "2026-10", label: "Oct 2026", sanctioned: 100.1, tracked: null, unsanctioned: 20.05, unattributed: 10 },
      { month: "2026-11", label: "Nov 2026", sanctioned: null, tracked: 50, unsanctioned: 0.1, unattributed: null },
    ]);
    expect(data.rows[0]).toMatchObject({ inside_usd: "100.1000000000", outside_usd: "30.0500000000", outside_share_pct: "23.1" });
    expect(data.headline).toEqual({
      latestMonth: "2026-11",
      latestOutside: "0.1000000000",
      latestInside: "50.0000000000",
      totalOutside: "30.1500000000",
      totalInside: "150.1000000000",
      outsideSharePct: "16.7",
    });
  });

  it("fills months without AI spend as gaps, sorted, across a year end", () => {
    const data = prepareGovernanceChart([month("2027-02", "1", "0", "0", "0"), month("2026-12", "0", "2", "0", "0")]);
    expect(data.points.map((p) => p.month)).toEqual(["2026-12", "2027-01", "2027-02"]);
    expect(data.points[1]).toEqual({ month: "2027-01", label: "Jan 2027", sanctioned: null, tracked: null, unsanctioned: null, unattributed: null });
    expect(data.rows[1]).toMatchObject({ inside_usd: "0.0000000000", outside_usd: "0.0000000000", outside_share_pct: null });
  });

  it("keeps only the latest months and totals only what it shows", () => {
    const months = Array.from({ length: 14 }, (_, i) => month(`2026-${String((i % 12) + 1).padStart(2, "0")}`.replace(/^2026/, i < 12 ? "2026" : "2027"), "0", "1", "0", "0"));
    const data = prepareGovernanceChart(months, { maxMonths: 12 });
    expect(data.points).toHaveLength(12);
    expect(data.points[0].month).toBe("2026-03");
    expect(data.headline.totalOutside).toBe("12.0000000000");
    expect(data.headline.outsideSharePct).toBe("100.0");
  });

  it("answers an empty headline when there is nothing", () => {
    const data = prepareGovernanceChart([]);
    expect(data.points).toEqual([]);
    expect(data.headline).toEqual({ latestMonth: null, latestOutside: "0.0000000000", latestInside: "0.0000000000", totalOutside: "0.0000000000", totalInside: "0.0000000000", outsideSharePct: null });
  });
});

describe("sharePct and monthLabel", () => {
  it("rounds half up to one decimal", () => {
    expect(sharePct(BigInt(1), BigInt(3))).toBe("33.3");
    expect(sharePct(BigInt(2), BigInt(3))).toBe("66.7");
    expect(sharePct(BigInt(1), BigInt(2000))).toBe("0.1");
    expect(sharePct(BigInt(0), BigInt(5))).toBe("0.0");
    expect(sharePct(BigInt(1), BigInt(0))).toBeNull();
  });
  it("names months", () => {
    expect(monthLabel("2026-01")).toBe("Jan 2026");
    expect(monthLabel("2026-12")).toBe("Dec 2026");
  });
});
