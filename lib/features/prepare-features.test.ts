import { describe, expect, it } from "vitest";
import { OTHER_COLOR, OTHER_LABEL } from "@/lib/explorer/prepare-stacked-series";
import { sumDecimals } from "@/lib/format/decimal";
import { breakdownCsv, prepareBreakdown } from "./prepare-breakdown";
import { FEATURES_CSV_HEADER, featuresCsvRows, prepareFeatureRows, prepareMix } from "./prepare-features";

const cost = (feature: string | undefined, cost_usd: string, events: number) => ({ feature, cost_usd, events, input_tokens: events * 100, output_tokens: events * 10 });

describe("prepareMix", () => {
  it("names the largest models and folds the rest into a grey Other, shares of the whole", () => {
    const mix = prepareMix([
      { label: "a/small", costUsd: "1" },
      { label: "a/large", costUsd: "6" },
      { label: "b/mid", costUsd: "2" },
      { label: "c/tiny", costUsd: "0.5" },
      { label: "c/tinier", costUsd: "0.5" },
    ]);
    expect(mix.map((s) => s.label)).toEqual(["a/large", "b/mid", "a/small", OTHER_LABEL]);
    expect(mix.map((s) => s.share)).toEqual([0.6, 0.2, 0.1, 0.1]);
    expect(mix.at(-1)).toMatchObject({ costUsd: "1.0000000000", color: OTHER_COLOR });
    expect(sumDecimals(mix.map((s) => s.costUsd))).toBe("10.0000000000");
  });

  it("has no Other with few models, and zero shares when nothing was spent", () => {
    expect(prepareMix([{ label: "x/y", costUsd: "0" }])).toEqual([expect.objectContaining({ label: "x/y", share: 0 })]);
    expect(prepareMix([])).toEqual([]);
  });
});

describe("prepareFeatureRows", () => {
  const rows = prepareFeatureRows({
    current: [cost("search", "2.5", 10), cost("chat", "7.5", 30), cost(undefined, "0", 4)],
    previous: [{ feature: "chat", cost_usd: "5" }, { feature: "gone", cost_usd: "9" }],
    models: [
      { feature: "chat", provider: "openai", model: "gpt-4o", cost_usd: "7", events: 10 },
      { feature: "chat", provider: "openai", model: "gpt-4o-mini", cost_usd: "0.5", events: 20 },
      { feature: "search", provider: "anthropic", model: "claude-haiku", cost_usd: "2.5", events: 10 },
    ],
    runs: [{ name: "chat", runs: 3, costUsd: "7.5000000000" }, { name: "", runs: 2, costUsd: "0" }],
    totalUsd: "10",
  });

  it("ranks features by cost with share, trend, cost per call and per decision, untagged last at $0", () => {
    expect(rows.map((r) => r.name)).toEqual(["chat", "search", "(untagged)"]);
    const [chat, search, untagged] = rows;
    expect(chat).toMatchObject({ share: 0.75, previousUsd: "5", events: 30, costPerCallUsd: "0.2500000000", runs: 3, costPerDecisionUsd: "2.5000000000" });
    expect(chat.change).toEqual({ amountUsd: "2.5000000000", ratio: 0.5, direction: "up" });
    expect(chat.mix.map((s) => s.label)).toEqual(["openai/gpt-4o", "openai/gpt-4o-mini"]);
    // New this period: a real zero before, so no ratio.
    expect(search).toMatchObject({ previousUsd: "0.0000000000", runs: 0, costPerDecisionUsd: null });
    expect(search.change.ratio).toBeNull();
    expect(untagged).toMatchObject({ runs: 2, costPerDecisionUsd: "0.0000000000", mix: [] });
  });

  it("exports exact decimals, not display strings", () => {
    const csv = featuresCsvRows(rows);
    expect(csv[0]).toEqual(["chat", "7.5", 0.75, "5", "2.5000000000", 30, 3000, 300, "0.2500000000", 3, "2.5000000000", "openai/gpt-4o"]);
    expect(csv[0]).toHaveLength(FEATURES_CSV_HEADER.length);
  });
});

describe("prepareBreakdown", () => {
  it("ranks rows with shares of the feature's cost, and runs per workflow when given", () => {
    const rows = prepareBreakdown(
      [
        { name: "(untagged)", cost_usd: "1", events: 2, input_tokens: 0, output_tokens: 0 },
        { name: "triage", cost_usd: "3", events: 3, input_tokens: 30, output_tokens: 3 },
      ],
      "4",
      [{ name: "triage", runs: 2, costUsd: "3.0000000000" }],
    );
    expect(rows.map((r) => [r.name, r.share, r.costPerCallUsd, r.runs, r.costPerDecisionUsd])).toEqual([
      ["triage", 0.75, "1.0000000000", 2, "1.5000000000"],
      ["(untagged)", 0.25, "0.5000000000", 0, null],
    ]);
    expect(breakdownCsv("workflow", rows).header).toEqual(["workflow", "cost_usd", "share", "calls", "input_tokens", "output_tokens", "cost_per_call_usd", "runs", "cost_per_decision_usd"]);
  });

  it("leaves runs out when none are given, and has no share of a zero total", () => {
    const rows = prepareBreakdown([{ name: "acme", cost_usd: "0", events: 1, input_tokens: 1, output_tokens: 1 }], "0");
    expect(rows[0]).not.toHaveProperty("runs");
    expect(rows[0].share).toBeNull();
    expect(breakdownCsv("customer", rows).rows[0]).toHaveLength(7);
  });
});
