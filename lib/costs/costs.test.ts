import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { costsToCsv } from "./costs-csv";
import { buildCostSql } from "./cost-rollup-sql";
import { fileNamePart, periodWithOffset } from "./period";
import { localMidnightDaysBefore, parseCostQuery, parseRangeBound } from "./schemas";
import { formatFocusDateTime, formatInstantInZone, formatOffset, instantOfWallTime } from "./zoned-time";

const NY = "America/New_York";
const params = (text: string) => new URLSearchParams(text);

function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    return (error as AppError).issues ?? [];
  }
  throw new Error("expected a 400");
}

describe("zoned time", () => {
  it("formats offsets, Z for UTC", () => {
    expect(formatOffset(0)).toBe("Z");
    expect(formatOffset(-4 * 3600_000)).toBe("-04:00");
    expect(formatOffset(5.5 * 3600_000)).toBe("+05:30");
  });

  it("formats an instant in the zone, across DST", () => {
    expect(formatInstantInZone(new Date("2026-10-05T04:00:00Z"), NY)).toBe("2026-10-05T00:00:00-04:00");
    expect(formatInstantInZone(new Date("2026-12-05T05:00:00Z"), NY)).toBe("2026-12-05T00:00:00-05:00");
    expect(formatInstantInZone(new Date("2026-12-05T05:00:00Z"), "UTC")).toBe("2026-12-05T05:00:00Z");
    expect(formatInstantInZone(new Date("2026-12-05T05:00:00Z"), "Asia/Kolkata")).toBe("2026-12-05T10:30:00+05:30");
  });

  it("finds the instant of a local wall time", () => {
    const wall = { year: 2026, month: 11, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
    expect(instantOfWallTime(wall, NY).toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(instantOfWallTime({ ...wall, hour: 3 }, NY).toISOString()).toBe("2026-11-01T08:00:00.000Z");
    expect(instantOfWallTime(wall, "UTC").toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("writes FOCUS date-times in UTC without milliseconds", () => {
    expect(formatFocusDateTime(new Date("2026-10-05T04:00:00.000Z"))).toBe("2026-10-05T04:00:00Z");
  });
});

describe("periods", () => {
  it("adds the offset PostgreSQL's two wall times imply", () => {
    expect(periodWithOffset("2026-10-05T04:00:00", "2026-10-05T00:00:00")).toBe("2026-10-05T00:00:00-04:00");
    expect(periodWithOffset("2026-10-05T00:00:00", "2026-10-05T00:00:00")).toBe("2026-10-05T00:00:00Z");
    expect(periodWithOffset("2026-10-04T18:30:00", "2026-10-05T00:00:00")).toBe("2026-10-05T00:00:00+05:30");
  });

  it("names files by local dates, with the time when not midnight", () => {
    expect(fileNamePart("2026-10-05T00:00:00-04:00")).toBe("2026-10-05");
    expect(fileNamePart("2026-10-05T13:45:10.120Z")).toBe("2026-10-05T1345");
  });
});

describe("parseRangeBound", () => {
  it("reads dates as local midnight and zoned date-times as instants", () => {
    expect(parseRangeBound("2026-10-05", NY)?.toISOString()).toBe("2026-10-05T04:00:00.000Z");
    expect(parseRangeBound("2026-10-05T09:30", NY)?.toISOString()).toBe("2026-10-05T13:30:00.000Z");
    expect(parseRangeBound("2026-10-05T09:30:00Z", NY)?.toISOString()).toBe("2026-10-05T09:30:00.000Z");
    expect(parseRangeBound("2026-10-05T09:30:00.5+0200", NY)?.toISOString()).toBe("2026-10-05T07:30:00.500Z");
  });

  it("refuses impossible dates", () => {
    expect(parseRangeBound("2026-02-30", "UTC")).toBeNull();
    expect(parseRangeBound("2026-10-05T24:00", "UTC")).toBeNull();
    expect(parseRangeBound("yesterday", "UTC")).toBeNull();
  });
});

describe("parseCostQuery", () => {
  const now = new Date("2026-10-20T15:00:00Z");

  it("defaults to day granularity over the 30 local days up to now, as JSON", () => {
    const q = parseCostQuery(params(""), NY, now);
    expect(q).toMatchObject({ granularity: "day", groupBy: [], filters: {}, format: "json" });
    expect(q.to).toEqual(now);
    expect(q.from.toISOString()).toBe("2026-09-21T04:00:00.000Z");
    expect(localMidnightDaysBefore(now, 0, "UTC").toISOString()).toBe("2026-10-20T00:00:00.000Z");
  });

  it("reads group_by repeated or comma-separated, and filters with (untagged) as ''", () => {
    const q = parseCostQuery(params("from=2026-10-01&to=2026-10-08&group_by=feature,model&group_by=team&group_by=feature&feature=a&feature=(untagged)&provider=openai"), "UTC", now);
    expect(q.groupBy).toEqual(["feature", "model", "team"]);
    expect(q.filters).toEqual({ feature: ["a", ""], provider: ["openai"] });
  });

  it("names the bad parameter", () => {
    expect(issuesOf(() => parseCostQuery(params("granularity=year"), "UTC", now))[0].path).toBe("granularity");
    const groupBy = issuesOf(() => parseCostQuery(params("group_by=feature,colour"), "UTC", now));
    expect(groupBy[0]).toMatchObject({ path: "group_by" });
    expect(groupBy[0].message).toContain("colour");
    expect(issuesOf(() => parseCostQuery(params("format=xml"), "UTC", now))[0].path).toBe("format");
    expect(issuesOf(() => parseCostQuery(params("from=last-week"), "UTC", now))[0].path).toBe("from");
    expect(issuesOf(() => parseCostQuery(params("from=2026-02-30"), "UTC", now))[0].path).toBe("from");
    expect(issuesOf(() => parseCostQuery(params("granularity=day&granularity=hour"), "UTC", now))[0]).toMatchObject({ path: "granularity", message: "must be given once" });
    expect(issuesOf(() => parseCostQuery(params("feature="), "UTC", now))[0]).toMatchObject({ path: "feature", message: "must not be empty; use (untagged) for a missing value" });
  });

  it("refuses empty, reversed and too long ranges", () => {
    expect(issuesOf(() => parseCostQuery(params("from=2026-10-02&to=2026-10-02"), "UTC", now))[0].path).toBe("to");
    expect(issuesOf(() => parseCostQuery(params("from=2026-10-03&to=2026-10-02"), "UTC", now))[0].path).toBe("to");
    const long = issuesOf(() => parseCostQuery(params("from=2026-08-01&to=2026-10-01&granularity=hour"), "UTC", now));
    expect(long[0].message).toMatch(/31 days/);
    expect(parseCostQuery(params("from=2026-09-01&to=2026-10-02&granularity=hour"), "UTC", now).granularity).toBe("hour");
  });
});

describe("buildCostSql", () => {
  it("puts only whitelisted column names in the text and every value in parameters", () => {
    const { text, params: values } = buildCostSql({
      orgId: "org",
      timeZone: NY,
      from: new Date("2026-10-01T04:00:00Z"),
      to: new Date("2026-11-01T04:00:00Z"),
      granularity: "week",
      dimensions: ["feature", "model"],
      filters: { customer: ["x'; DROP TABLE \"Event\"; --"] },
      byMonth: false,
    });
    expect(text).not.toContain("DROP");
    expect(text).toContain('"customer" = ANY($6::text[])');
    expect(text).toContain("FROM \"CostRollupHourly\"");
    expect(text).not.toMatch(/FROM "Event"/);
    // Whole local days come from the daily roll-ups: here the whole range (Oct 1 to Nov 1, New York midnights).
    expect(values).toEqual(["org", "2026-10-01T04:00:00.000Z", "2026-11-01T04:00:00.000Z", "week", NY, ["x'; DROP TABLE \"Event\"; --"], "2026-10-01T04:00:00.000Z", "2026-11-01T04:00:00.000Z"]);
    expect(text).toContain('FROM "CostRollupDaily"');
  });

  it("reads partial edge days from the hours and hour granularity from the hours alone", () => {
    const sql = (from: string, to: string, granularity: "hour" | "day") =>
      buildCostSql({ orgId: "org", timeZone: NY, from: new Date(from), to: new Date(to), granularity, dimensions: [], filters: {}, byMonth: false });
    // 09:30 Oct 1 to 15:00 Oct 20, New York: whole days Oct 2 – Oct 19 from the daily roll-ups.
    const edges = sql("2026-10-01T13:30:00Z", "2026-10-20T19:00:00Z", "day");
    expect(edges.params.slice(5)).toEqual(["2026-10-02T04:00:00.000Z", "2026-10-20T04:00:00.000Z"]);
    expect(edges.text).toMatch(/"hour" >= \$2::timestamptz AND "hour" < \$6::timestamptz\) OR \("hour" >= \$7::timestamptz AND "hour" < \$3::timestamptz/);
    // Less than a whole day, or hourly periods: no daily roll-ups.
    for (const hourly of [sql("2026-10-01T13:30:00Z", "2026-10-02T13:00:00Z", "day"), sql("2026-10-01T04:00:00Z", "2026-10-20T04:00:00Z", "hour")]) {
      expect(hourly.text).not.toContain("CostRollupDaily");
      expect(hourly.params).toHaveLength(5);
    }
  });
});

describe("costsToCsv", () => {
  it("writes period, the grouped dimensions and the measures", () => {
    const csv = costsToCsv({
      from: "2026-10-01T00:00:00Z",
      to: "2026-10-02T00:00:00Z",
      granularity: "day",
      group_by: ["feature"],
      currency: "USD",
      total: { cost_usd: "1.0000000000", events: 1, input_tokens: 2, output_tokens: 3, cached_input_tokens: 0, reasoning_tokens: 0, unpriced_events: 0 },
      rows: [{ period: "2026-10-01T00:00:00Z", feature: "a,b", cost_usd: "1.0000000000", events: 1, input_tokens: 2, output_tokens: 3, cached_input_tokens: 0, reasoning_tokens: 0, unpriced_events: 0 }],
    });
    expect(csv).toBe(
      "period,feature,cost_usd,events,input_tokens,output_tokens,cached_input_tokens,reasoning_tokens,unpriced_events\r\n" +
        '2026-10-01T00:00:00Z,"a,b",1.0000000000,1,2,3,0,0,0\r\n',
    );
  });
});
