import { describe, expect, it } from "vitest";
import { prepareHistogram } from "./prepare-histogram";

describe("prepareHistogram", () => {
  it("labels each bar by its lower bound and names the half-open range, the last one closed", () => {
    const bars = prepareHistogram([
      { lower_usd: "0.001", upper_usd: "0.002", runs: 3 },
      { lower_usd: "0.002", upper_usd: "0.003", runs: 0 },
      { lower_usd: "0.003", upper_usd: "0.004", runs: 1 },
    ]);
    expect(bars.map((b) => b.label)).toEqual(["$0.001", "$0.002", "$0.003"]);
    expect(bars.map((b) => b.range)).toEqual(["$0.001 – under $0.002", "$0.002 – under $0.003", "$0.003 – $0.004"]);
    expect(bars.map((b) => b.runs)).toEqual([3, 0, 1]);
  });

  it("keeps empty buckets as zero bars and names a single-value bucket once", () => {
    expect(prepareHistogram([{ lower_usd: "1.5", upper_usd: "1.5", runs: 2 }])).toEqual([{ key: "0", label: "$1.50", range: "$1.50", runs: 2 }]);
  });

  it("answers no bars for no buckets", () => {
    expect(prepareHistogram([])).toEqual([]);
  });
});
