import { describe, expect, it } from "vitest";
import { proposeSavingsLevers } from "./propose-savings-levers";
import { GPT_4O, GPT_4O_MINI, mixRow } from "./test-rates";
import type { ModelRates } from "./types";

// chat: gpt-4o 800k uncached + 200k cached input, 100k output → 3.25 over 30 days (see project-routing.test.ts).
const rows = [
  { ...mixRow({ model: "gpt-4o", calls: 100, inputTokens: 1_000_000, cachedInputTokens: 200_000, outputTokens: 100_000, costUsd: "3.25" }), feature: "chat", workflow: "" },
  { ...mixRow({ provider: "self_hosted", model: "llama", calls: 5, inputTokens: 1000, costUsd: "9" }), feature: "", workflow: "" },
];
const rates: Record<string, ModelRates | null> = { "gpt-4o": GPT_4O, "gpt-4o-mini": GPT_4O_MINI, llama: { ...GPT_4O, cacheRead: GPT_4O.input, hasCachePrice: false, priceKey: "custom:self_hosted/llama" } };

describe("proposeSavingsLevers", () => {
  it("routes half of a feature's calls to the cheaper sibling and caches 30% of input, largest first", () => {
    const levers = proposeSavingsLevers({
      rows,
      windowDays: 30,
      ratesOf: (_p, model) => rates[model] ?? null,
      cheaperSiblingOf: (provider, model) => (model === "gpt-4o" ? { provider, model: "gpt-4o-mini", rates: GPT_4O_MINI } : null),
    });
    // Routing: 0.5 × (3.25 − 0.195) = 1.5275 a month. Caching: 30% of 1M = 300k, 100k more × $1.25/M = 0.125.
    expect(levers.map((l) => [l.id, l.monthly_saving_usd])).toEqual([
      ["route:chat:openai/gpt-4o:gpt-4o-mini", "1.5275000000"],
      ["cache:openai/gpt-4o", "0.1250000000"],
    ]);
    expect(levers[0].title).toBe("Route 50% of chat's gpt-4o calls to gpt-4o-mini");
    expect(levers[1].title).toBe("Cache 30% of input tokens on gpt-4o");
  });

  it("answers nothing when no lever saves money", () => {
    expect(proposeSavingsLevers({ rows: [rows[1]], windowDays: 30, ratesOf: (_p, m) => rates[m] ?? null, cheaperSiblingOf: () => null })).toEqual([]);
  });
});
