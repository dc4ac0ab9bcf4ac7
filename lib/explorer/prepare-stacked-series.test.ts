import { describe, expect, it } from "vitest";
import { costTableCsv, prepareCostTable } from "./prepare-cost-table";
import { OTHER_KEY, prepareStackedSeries, type CostRowInput } from "./prepare-stacked-series";
import { formatPeriodLabel, periodStarts } from "./periods";
import { canonicalSearch, rangeInputs, readView, toParamFromThrough, withParam } from "./url-state";
import { sumDecimals } from "@/lib/format/decimal";

const UTC = "UTC";
const NY = "America/New_York";
const day = (d: string) => `2026-10-${d}T00:00:00Z`;
const row = (d: string, feature: string, cost_usd: string): CostRowInput => ({ period: day(d), feature, cost_usd });

describe("prepareStackedSeries", () => {
  it("orders series by exact total, ties by label, and keeps every period in order", () => {
    const data = prepareStackedSeries(
      {
        from: day("01"),
        to: day("04"),
        granularity: "day",
        rows: [row("03", "search", "0.1000000002"), row("01", "chat", "0.05"), row("01", "search", "0.1"), row("02", "alpha", "0.2000000001"), row("03", "beta", "0.2000000001")],
      },
      { dimension: "feature", timeZone: UTC },
    );
    expect(data.series.map((s) => [s.key, s.label, s.total])).toEqual([
      ["s0", "search", "0.2000000002"],
      ["s1", "alpha", "0.2000000001"],
      ["s2", "beta", "0.2000000001"],
      ["s3", "chat", "0.0500000000"],
    ]);
    // alpha and beta tie exactly and go by label.
    expect(data.total).toBe("0.6500000004");
    expect(data.periods.map((p) => p.period)).toEqual([day("01"), day("02"), day("03")]);
    expect(data.periods.map((p) => p.label)).toEqual(["Oct 1", "Oct 2", "Oct 3"]);
  });

  it("shows missing spend as a gap (null), never as zero, for whole periods and for single series", () => {
    const data = prepareStackedSeries(
      { from: day("01"), to: day("04"), granularity: "day", rows: [row("01", "chat", "1.5"), row("03", "search", "0.25"), row("03", "chat", "0")] },
      { dimension: "feature", timeZone: UTC },
    );
    const [first, second, third] = data.periods;
    expect(first).toMatchObject({ s0: 1.5, s1: null, total: 1.5 });
    expect(second).toMatchObject({ s0: null, s1: null, total: null });
    // A row that exists with cost 0 (unpriced usage) is a real zero, not a gap.
    expect(third).toMatchObject({ s0: 0, s1: 0.25, total: 0.25 });
  });

  it("folds everything past the top N into Other, with an exact total", () => {
    const rows = ["a", "b", "c", "d", "e"].map((f, i) => row("01", f, `0.${i + 1}000000001`));
    const data = prepareStackedSeries({ from: day("01"), to: day("02"), granularity: "day", rows }, { dimension: "feature", timeZone: UTC, topN: 3 });
    expect(data.series.map((s) => s.label)).toEqual(["e", "d", "c", "Other"]);
    expect(data.series[3]).toMatchObject({ key: OTHER_KEY, total: "0.3000000002" });
    expect(data.periods[0][OTHER_KEY]).toBeCloseTo(0.3000000002, 12);
    // No fold when the series fit.
    const fits = prepareStackedSeries({ from: day("01"), to: day("02"), granularity: "day", rows }, { dimension: "feature", timeZone: UTC, topN: 5 });
    expect(fits.series.map((s) => s.label)).not.toContain("Other");
  });

  it("sums exactly before turning decimals into numbers", () => {
    const rows = Array.from({ length: 10 }, () => row("01", "chat", "0.1"));
    const data = prepareStackedSeries({ from: day("01"), to: day("02"), granularity: "day", rows }, { dimension: "feature", timeZone: UTC });
    expect(data.series[0].total).toBe("1.0000000000");
    expect(data.periods[0].s0).toBe(1); // a float sum would give 0.9999999999999999
  });

  it("makes one 'All spend' series without a dimension, and reads untagged values", () => {
    const data = prepareStackedSeries({ from: day("01"), to: day("02"), granularity: "day", rows: [{ period: day("01"), cost_usd: "2" }] }, { timeZone: UTC });
    expect(data.series).toEqual([{ key: "all", label: "All spend", total: "2.0000000000", color: expect.any(String) }]);
    const untagged = prepareStackedSeries({ from: day("01"), to: day("02"), granularity: "day", rows: [{ period: day("01"), cost_usd: "2" }] }, { dimension: "team", timeZone: UTC });
    expect(untagged.series[0].label).toBe("(untagged)");
  });
});

describe("periods in the organization's zone", () => {
  it("enumerates local days, Monday weeks, months and hours across DST", () => {
    expect(periodStarts("2026-10-31T00:00:00-04:00", "2026-11-03T00:00:00-05:00", "day", NY)).toEqual([
      "2026-10-31T00:00:00-04:00",
      "2026-11-01T00:00:00-04:00",
      "2026-11-02T00:00:00-05:00",
    ]);
    expect(periodStarts("2026-10-07T00:00:00Z", "2026-10-20T00:00:00Z", "week", UTC)).toEqual(["2026-10-05T00:00:00Z", "2026-10-12T00:00:00Z", "2026-10-19T00:00:00Z"]);
    expect(periodStarts("2026-10-15T00:00:00Z", "2026-12-01T00:00:00Z", "month", UTC)).toEqual(["2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"]);
    expect(periodStarts("2026-11-01T00:00:00-04:00", "2026-11-01T03:00:00-05:00", "hour", NY)).toHaveLength(4); // 1 AM twice
  });

  it("labels periods per granularity in the zone", () => {
    expect(formatPeriodLabel("2026-11-02T00:00:00-05:00", "day", NY)).toBe("Nov 2");
    expect(formatPeriodLabel("2026-11-02T00:00:00-05:00", "day", NY, true)).toBe("Nov 2, 2026");
    expect(formatPeriodLabel("2026-11-02T00:00:00-05:00", "week", NY)).toBe("Week of Nov 2");
    expect(formatPeriodLabel("2026-11-01T00:00:00-04:00", "month", NY)).toBe("Nov 2026");
    expect(formatPeriodLabel("2026-11-02T14:00:00-05:00", "hour", NY)).toBe("Nov 2, 14:00");
  });
});

describe("prepareCostTable", () => {
  const measures = { events: 2, input_tokens: 10, output_tokens: 5, unpriced_events: 0 };
  it("sums each dimension value over periods, most expensive first, with the API's total", () => {
    const table = prepareCostTable({
      group_by: ["feature"],
      total: { cost_usd: "0.4000000000", ...measures, events: 6 },
      rows: [
        { feature: "chat", cost_usd: "0.1", ...measures },
        { feature: "search", cost_usd: "0.15", ...measures },
        { feature: "chat", cost_usd: "0.15", ...measures },
      ],
    });
    expect(table.rows.map((r) => [r.values[0], r.cost_usd, r.events, r.share])).toEqual([
      ["chat", "0.2500000000", 4, "62.5"],
      ["search", "0.1500000000", 2, "37.5"],
    ]);
    expect(table.rows[0].cost_per_event).toBe("0.0625000000");
    const csv = costTableCsv(table);
    expect(csv.header[0]).toBe("feature");
    expect(csv.rows.at(-1)).toEqual(["Total", "0.4000000000", "0.0666666666", 6, 10, 5, 0]);
  });
});

describe("money and URL state", () => {
  it("sums decimals exactly", () => {
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3000000000");
  });

  it("keeps the API's parameter names, with group by feature by default", () => {
    expect(canonicalSearch(new URLSearchParams("model=b&x=1&from=2026-10-01")).toString()).toBe("from=2026-10-01&group_by=feature&model=b");
    const none = withParam(new URLSearchParams(""), "group_by", []);
    expect(none.toString()).toBe("group_by=");
    expect(readView(none).groupBy).toEqual([]);
    expect(readView(new URLSearchParams("granularity=week&group_by=model&team=a&team=b"))).toEqual({ granularity: "week", groupBy: ["model"], filters: { team: ["a", "b"] } });
    expect(rangeInputs("2026-10-01T00:00:00Z", "2026-10-08T00:00:00Z")).toEqual({ from: "2026-10-01", through: "2026-10-07" });
    expect(rangeInputs("2026-10-01T00:00:00Z", "2026-10-08T13:20:00Z")).toEqual({ from: "2026-10-01", through: "2026-10-08" });
    expect(toParamFromThrough("2026-10-31")).toBe("2026-11-01");
  });
});
