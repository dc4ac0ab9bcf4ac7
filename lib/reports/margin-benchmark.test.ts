import { describe, expect, it } from "vitest";
import { inferenceShareAboveBenchmark, marginVerdict } from "./margin-benchmark";

describe("marginVerdict", () => {
  it.each([
    [null, "no_revenue"],
    ["-12.5", "below_ai"],
    ["49.99", "below_ai"],
    ["50", "ai"],
    ["55.3", "ai"],
    ["60", "ai"],
    ["60.01", "between"],
    ["69.99", "between"],
    ["70", "saas"],
    ["90.00", "saas"],
    ["90.01", "above_saas"],
  ])("puts %s in band %s", (pct, band) => {
    expect(marginVerdict(pct).band).toBe(band);
  });

  it("says what the band means and keeps the margin", () => {
    expect(marginVerdict("45")).toMatchObject({ gross_margin_pct: "45", tone: "red" });
    expect(marginVerdict("45").text).toContain("50–60%");
    expect(marginVerdict("75").tone).toBe("green");
  });
});

describe("inferenceShareAboveBenchmark", () => {
  it("compares against 23 % exactly, and has no verdict without revenue", () => {
    expect(inferenceShareAboveBenchmark("23")).toBe(false);
    expect(inferenceShareAboveBenchmark("23.0001")).toBe(true);
    expect(inferenceShareAboveBenchmark("5")).toBe(false);
    expect(inferenceShareAboveBenchmark(null)).toBeNull();
  });
});
