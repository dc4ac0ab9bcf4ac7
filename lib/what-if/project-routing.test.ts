import { describe, expect, it } from "vitest";
import { costAtRates } from "./cost-at-rates";
import { toPlain } from "./exact";
import { projectRouting } from "./project-routing";
import { GPT_4O, GPT_4O_MINI, mixRow } from "./test-rates";

// gpt-4o: 800k uncached input × $2.50/M = 2.00, 200k cached × $1.25/M = 0.25, 100k output × $10/M = 1.00 → 3.25.
const gpt4o = mixRow({ model: "gpt-4o", calls: 100, inputTokens: 1_000_000, cachedInputTokens: 200_000, outputTokens: 100_000, costUsd: "3.25" });
const other = mixRow({ provider: "anthropic", model: "claude-sonnet-4-5", calls: 10, costUsd: "1.75" });

describe("costAtRates", () => {
  it("prices a mix with SPEC 2.2's formula", () => {
    expect(toPlain(costAtRates(gpt4o, GPT_4O))).toBe("3.25");
    // At gpt-4o-mini: 800k × 0.15/M = 0.12, 200k × 0.075/M = 0.015, 100k × 0.60/M = 0.06 → 0.195.
    expect(toPlain(costAtRates(gpt4o, GPT_4O_MINI))).toBe("0.195");
  });
});

describe("projectRouting", () => {
  it("moves half of gpt-4o's calls to gpt-4o-mini over a 15-day window", () => {
    const result = projectRouting({ mix: [gpt4o, other], windowDays: 15, from: { provider: "openai", model: "gpt-4o" }, to: { provider: "openai", model: "gpt-4o-mini", rates: GPT_4O_MINI }, sharePct: "50" });
    // Window: 0.5 × (3.25 − 0.195) = 1.5275; × 30 ÷ 15 = 3.055 a month. Before: 5.00 × 2 = 10.
    expect(result.moved_calls).toBe("50");
    expect(result.moved_cost_usd).toBe("1.6250000000");
    expect(result.moved_cost_at_target_usd).toBe("0.0975000000");
    expect(result.saving_monthly_usd).toBe("3.0550000000");
    expect(result.before_monthly_usd).toBe("10.0000000000");
    expect(result.after_monthly_usd).toBe("6.9450000000");
    expect(result.saving_pct).toBe("30.55");
    expect(result.formula.map((line) => line.value).join(" ")).toContain("0.5 × (3.2500000000 − 0.1950000000)");
  });

  it("projects a negative saving when the target is dearer, and nothing for 0%", () => {
    const dearer = projectRouting({ mix: [gpt4o], windowDays: 30, from: { provider: "openai", model: "gpt-4o" }, to: { provider: "openai", model: "x", rates: { ...GPT_4O, input: "0.000005", priceKey: "x" } }, sharePct: "100" });
    // 800k more at +2.5/M = +2.00 a month.
    expect(dearer.saving_monthly_usd).toBe("-2.0000000000");
    const none = projectRouting({ mix: [gpt4o], windowDays: 30, from: { provider: "openai", model: "gpt-4o" }, to: { provider: "openai", model: "gpt-4o-mini", rates: GPT_4O_MINI }, sharePct: "0" });
    expect(none.saving_monthly_usd).toBe("0.0000000000");
  });

  it("says so when the from-model has no calls in the scope", () => {
    const result = projectRouting({ mix: [other], windowDays: 30, from: { provider: "openai", model: "gpt-4o" }, to: { provider: "openai", model: "gpt-4o-mini", rates: GPT_4O_MINI }, sharePct: "50" });
    expect(result.saving_monthly_usd).toBe("0.0000000000");
    expect(result.notes[0]).toMatch(/no calls/);
    expect(result.saving_pct).toBe("0.00");
  });

  it("scales a fractional window exactly", () => {
    const result = projectRouting({ mix: [mixRow({ model: "gpt-4o", costUsd: "1" })], windowDays: 7.5, from: { provider: "openai", model: "gpt-4o" }, to: { provider: "openai", model: "gpt-4o-mini", rates: GPT_4O_MINI }, sharePct: "100" });
    // No tokens: the moved cost at the target is 0, so the whole 1.00 × 30 ÷ 7.5 = 4 is saved.
    expect(result.saving_monthly_usd).toBe("4.0000000000");
  });
});
