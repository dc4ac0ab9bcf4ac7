import { describe, expect, it } from "vitest";
import { loadCatalog } from "./catalog";
import { computeCost, type TokenUsage } from "./compute-cost";
import { createPricer } from "./create-pricer";
import { PriceDecimal } from "./decimal";
import { prepareModelPrices } from "./model-prices";

// Every expected value below is worked out by hand from the catalog's prices (see catalog.json),
// never by calling the code under test.
const pricer = createPricer(loadCatalog(), []);
const at = new Date("2026-07-20T12:00:00Z");

type Usage = Partial<TokenUsage> & { input: number; output: number };

function price(provider: string, model: string, u: Usage) {
  return pricer.priceEvent({
    provider,
    model,
    timestamp: at,
    inputTokens: u.input,
    outputTokens: u.output,
    cachedInputTokens: u.cachedInputTokens ?? 0,
    cacheWriteTokens: u.cacheWriteTokens ?? 0,
    reasoningTokens: u.reasoningTokens ?? 0,
  });
}

const cost = (provider: string, model: string, u: Usage) => price(provider, model, u).costUsd;

describe("catalog prices: plain calls", () => {
  it("openai gpt-4o", () => {
    // 1000×0.0000025 + 200×0.00001 = 0.0025 + 0.002 = 0.0045
    expect(price("openai", "gpt-4o", { input: 1000, output: 200 })).toEqual({ costUsd: "0.0045", source: "computed", priceKey: "gpt-4o" });
  });

  it("openai gpt-4.1, a million tokens each way", () => {
    // 1,000,000×0.000002 + 100,000×0.000008 = 2 + 0.8 = 2.8
    expect(cost("openai", "gpt-4.1", { input: 1_000_000, output: 100_000 })).toBe("2.8");
  });

  it("openai text-embedding-3-small (embedding)", () => {
    // 1,000,000×0.00000002 = 0.02
    expect(cost("openai", "text-embedding-3-small", { input: 1_000_000, output: 0 })).toBe("0.02");
  });

  it("anthropic claude-opus-4-6", () => {
    // 100×0.000005 + 50×0.000025 = 0.0005 + 0.00125 = 0.00175
    expect(cost("anthropic", "claude-opus-4-6", { input: 100, output: 50 })).toBe("0.00175");
  });

  it("google gemini-2.0-flash (Gemini API listing)", () => {
    // 1,000,000×0.0000001 + 1,000,000×0.0000004 = 0.1 + 0.4 = 0.5
    expect(price("google", "gemini-2.0-flash", { input: 1_000_000, output: 1_000_000 })).toMatchObject({
      costUsd: "0.5",
      priceKey: "gemini/gemini-2.0-flash",
    });
  });

  it("mistral mistral-large-latest", () => {
    // 3000×0.0000005 + 1000×0.0000015 = 0.0015 + 0.0015 = 0.003
    expect(cost("mistral", "mistral-large-latest", { input: 3000, output: 1000 })).toBe("0.003");
  });

  it("mistral codestral-latest", () => {
    // 700×0.000001 + 300×0.000003 = 0.0007 + 0.0009 = 0.0016
    expect(cost("mistral", "codestral-latest", { input: 700, output: 300 })).toBe("0.0016");
  });

  it("mistral mistral-embed, which has no output price", () => {
    // 10,000×0.0000001 = 0.001
    expect(cost("mistral", "mistral-embed", { input: 10_000, output: 0 })).toBe("0.001");
  });

  it("bedrock amazon.nova-pro-v1:0", () => {
    // 10,000×0.0000008 + 2000×0.0000032 = 0.008 + 0.0064 = 0.0144
    expect(cost("bedrock", "amazon.nova-pro-v1:0", { input: 10_000, output: 2000 })).toBe("0.0144");
  });

  it("azure_openai gpt-4.1 (Azure's own listing)", () => {
    // 500×0.000002 + 250×0.000008 = 0.001 + 0.002 = 0.003
    expect(price("azure_openai", "gpt-4.1", { input: 500, output: 250 })).toMatchObject({ costUsd: "0.003", priceKey: "azure/gpt-4.1" });
  });

  it("groq llama-3.1-8b-instant, odd token counts", () => {
    // 1,234,567×0.00000005 + 765,432×0.00000008 = 0.06172835 + 0.06123456 = 0.12296291
    expect(cost("groq", "llama-3.1-8b-instant", { input: 1_234_567, output: 765_432 })).toBe("0.12296291");
  });

  it("cohere command-r-plus", () => {
    // 1000×0.0000025 + 1000×0.00001 = 0.0025 + 0.01 = 0.0125
    expect(cost("cohere", "command-r-plus", { input: 1000, output: 1000 })).toBe("0.0125");
  });
});

describe("catalog prices: cached input and cache writes", () => {
  it("openai gpt-4o with cached input", () => {
    // (10,000−4000)×0.0000025 + 4000×0.00000125 + 500×0.00001 = 0.015 + 0.005 + 0.005 = 0.025
    expect(cost("openai", "gpt-4o", { input: 10_000, output: 500, cachedInputTokens: 4000 })).toBe("0.025");
  });

  it("openai gpt-4o-mini with cached input", () => {
    // (12,345−2345)×0.00000015 + 2345×0.000000075 + 678×0.0000006
    // = 0.0015 + 0.000175875 + 0.0004068 = 0.002082675
    expect(cost("openai", "gpt-4o-mini", { input: 12_345, output: 678, cachedInputTokens: 2345 })).toBe("0.002082675");
  });

  it("anthropic claude-sonnet-4-20250514 with cache reads and writes", () => {
    // (5000−3000−1000)×0.000003 + 3000×0.0000003 + 1000×0.00000375 + 400×0.000015
    // = 0.003 + 0.0009 + 0.00375 + 0.006 = 0.01365
    expect(cost("anthropic", "claude-sonnet-4-20250514", { input: 5000, output: 400, cachedInputTokens: 3000, cacheWriteTokens: 1000 })).toBe("0.01365");
  });

  it("anthropic claude-haiku-4-5 with a cache write", () => {
    // (2000−1500)×0.000001 + 1500×0.00000125 + 300×0.000005 = 0.0005 + 0.001875 + 0.0015 = 0.003875
    expect(cost("anthropic", "claude-haiku-4-5", { input: 2000, output: 300, cacheWriteTokens: 1500 })).toBe("0.003875");
  });

  it("bedrock anthropic.claude-3-5-sonnet-20241022-v2:0 with cached input", () => {
    // (2000−500)×0.000003 + 500×0.0000003 + 100×0.000015 = 0.0045 + 0.00015 + 0.0015 = 0.00615
    expect(cost("bedrock", "anthropic.claude-3-5-sonnet-20241022-v2:0", { input: 2000, output: 100, cachedInputTokens: 500 })).toBe("0.00615");
  });

  it("bedrock us.anthropic.claude-sonnet-4-5 (regional listing, 10% above global) all cache write", () => {
    // 0×0.0000033 + 1000×0.000004125 + 1000×0.0000165 = 0.004125 + 0.0165 = 0.020625
    expect(cost("bedrock", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", { input: 1000, output: 1000, cacheWriteTokens: 1000 })).toBe("0.020625");
  });

  it("azure_openai gpt-4o, every input token cached", () => {
    // 0×0.0000025 + 1000×0.00000125 = 0.00125
    expect(cost("azure_openai", "gpt-4o", { input: 1000, output: 0, cachedInputTokens: 1000 })).toBe("0.00125");
  });

  it("deepseek deepseek-chat with cache hits", () => {
    // (100,000−60,000)×0.00000028 + 60,000×0.000000028 + 5000×0.00000042 = 0.0112 + 0.00168 + 0.0021 = 0.01498
    expect(cost("deepseek", "deepseek-chat", { input: 100_000, output: 5000, cachedInputTokens: 60_000 })).toBe("0.01498");
  });

  it("deepseek deepseek-r1, whose cache rate is only given as input_cost_per_token_cache_hit", () => {
    // (10,000−4000)×0.00000055 + 4000×0.00000014 + (2000−1500)×0.00000219 + 1500×0.00000219
    // = 0.0033 + 0.00056 + 0.001095 + 0.003285 = 0.00824
    expect(cost("deepseek", "deepseek-r1", { input: 10_000, output: 2000, cachedInputTokens: 4000, reasoningTokens: 1500 })).toBe("0.00824");
  });
});

describe("catalog prices: reasoning", () => {
  it("openai o3: no reasoning price, so reasoning bills at the output price", () => {
    // 2000×0.000002 + (3000−2500)×0.000008 + 2500×0.000008 = 0.004 + 0.004 + 0.02 = 0.028
    expect(cost("openai", "o3", { input: 2000, output: 3000, reasoningTokens: 2500 })).toBe("0.028");
  });

  it("google gemini-2.5-flash with cache and reasoning", () => {
    // (10,000−2000)×0.0000003 + 2000×0.00000003 + (1500−1000)×0.0000025 + 1000×0.0000025
    // = 0.0024 + 0.00006 + 0.00125 + 0.0025 = 0.00621
    expect(cost("google", "gemini-2.5-flash", { input: 10_000, output: 1500, cachedInputTokens: 2000, reasoningTokens: 1000 })).toBe("0.00621");
  });

  it("dashscope qwen-turbo: reasoning priced above output", () => {
    // 1000×0.00000005 + (1000−800)×0.0000002 + 800×0.0000005 = 0.00005 + 0.00004 + 0.0004 = 0.00049
    expect(cost("dashscope", "qwen-turbo", { input: 1000, output: 1000, reasoningTokens: 800 })).toBe("0.00049");
  });

  it("perplexity sonar-deep-research: reasoning priced below output", () => {
    // 1000×0.000002 + (2000−1500)×0.000008 + 1500×0.000003 = 0.002 + 0.004 + 0.0045 = 0.0105
    expect(cost("perplexity", "sonar-deep-research", { input: 1000, output: 2000, reasoningTokens: 1500 })).toBe("0.0105");
  });
});

describe("catalog prices: _above_ thresholds apply to the whole call", () => {
  it("anthropic claude-sonnet-4-20250514 above 200k: every kind of token at the above rate", () => {
    // (250,000−50,000−20,000)×0.000006 + 50,000×0.0000006 + 20,000×0.0000075 + 2000×0.0000225
    // = 1.08 + 0.03 + 0.15 + 0.045 = 1.305
    expect(
      cost("anthropic", "claude-sonnet-4-20250514", { input: 250_000, output: 2000, cachedInputTokens: 50_000, cacheWriteTokens: 20_000 }),
    ).toBe("1.305");
  });

  it("google gemini-2.5-pro: 200,000 is not above 200k, 250,000 is", () => {
    // 200,000×0.00000125 + 10,000×0.00001 = 0.25 + 0.1 = 0.35
    expect(cost("google", "gemini-2.5-pro", { input: 200_000, output: 10_000 })).toBe("0.35");
    // 250,000×0.0000025 + 10,000×0.000015 = 0.625 + 0.15 = 0.775
    expect(cost("google", "gemini-2.5-pro", { input: 250_000, output: 10_000 })).toBe("0.775");
  });

  it("vertex_ai gemini-2.5-pro: cache writes use the above-set's rate, and the input rate below it", () => {
    // above: (300,000−100,000)×0.0000025 + 100,000×0.00000025 = 0.5 + 0.025 = 0.525
    expect(price("vertex_ai", "gemini-2.5-pro", { input: 300_000, output: 0, cacheWriteTokens: 100_000 })).toMatchObject({
      costUsd: "0.525",
      priceKey: "gemini-2.5-pro",
    });
    // below: no base cache-write price, so the input price: 90,000×0.00000125 + 10,000×0.00000125 = 0.125
    expect(cost("vertex_ai", "gemini-2.5-pro", { input: 100_000, output: 0, cacheWriteTokens: 10_000 })).toBe("0.125");
  });

  it("openai gpt-5.4 above 272k, and exactly at it", () => {
    // (300,000−100,000)×0.000005 + 100,000×0.0000005 + 1000×0.0000225 = 1 + 0.05 + 0.0225 = 1.0725
    expect(cost("openai", "gpt-5.4", { input: 300_000, output: 1000, cachedInputTokens: 100_000 })).toBe("1.0725");
    // 272,000×0.0000025 + 1000×0.000015 = 0.68 + 0.015 = 0.695
    expect(cost("openai", "gpt-5.4", { input: 272_000, output: 1000 })).toBe("0.695");
  });

  it("xai grok-4.3: xAI bills the above rate from the threshold itself (≥)", () => {
    // 200,000×0.0000025 + 1000×0.000005 = 0.5 + 0.005 = 0.505
    expect(cost("xai", "grok-4.3", { input: 200_000, output: 1000 })).toBe("0.505");
    // 199,999×0.00000125 + 1000×0.0000025 = 0.24999875 + 0.0025 = 0.25249875
    expect(cost("xai", "grok-4.3", { input: 199_999, output: 1000 })).toBe("0.25249875");
  });

  it("xai grok-4-fast-reasoning at 128k: the above-set has no cache rate, so the base cache rate stays", () => {
    // (128,000−28,000)×0.0000004 + 28,000×0.00000005 + 2000×0.000001 = 0.04 + 0.0014 + 0.002 = 0.0434
    expect(cost("xai", "grok-4-fast-reasoning", { input: 128_000, output: 2000, cachedInputTokens: 28_000 })).toBe("0.0434");
  });
});

describe("catalog prices: tiered_pricing picks one tier for the whole call", () => {
  it("dashscope qwen3-coder-plus: the tier bound belongs to the lower tier", () => {
    // tier 0–32k: 32,000×0.000001 + 1000×0.000005 = 0.032 + 0.005 = 0.037
    expect(cost("dashscope", "qwen3-coder-plus", { input: 32_000, output: 1000 })).toBe("0.037");
    // tier 32k–128k: 32,001×0.0000018 + 1000×0.000009 = 0.0576018 + 0.009 = 0.0666018
    expect(cost("dashscope", "qwen3-coder-plus", { input: 32_001, output: 1000 })).toBe("0.0666018");
  });

  it("dashscope qwen3-coder-plus: cached input at the tier's cache rate", () => {
    // tier 32k–128k: (40,000−10,000)×0.0000018 + 10,000×0.00000018 = 0.054 + 0.0018 = 0.0558
    expect(cost("alibaba", "qwen3-coder-plus", { input: 40_000, output: 0, cachedInputTokens: 10_000 })).toBe("0.0558");
  });

  it("dashscope qwen3-coder-plus past the last tier: the last tier", () => {
    // 2,000,000×0.000006 + 1000×0.00006 = 12 + 0.06 = 12.06
    expect(cost("dashscope", "qwen3-coder-plus", { input: 2_000_000, output: 1000 })).toBe("12.06");
  });

  it("dashscope qwen3-max past its 252k tier", () => {
    // 300,000×0.000003 + 100×0.000015 = 0.9 + 0.0015 = 0.9015
    expect(cost("dashscope", "qwen3-max", { input: 300_000, output: 100 })).toBe("0.9015");
  });

  it("dashscope qwen-plus-latest: a tier's own reasoning rate", () => {
    // tier 256k–1M: 300,000×0.0000012 + (2000−1000)×0.0000036 + 1000×0.000012 = 0.36 + 0.0036 + 0.012 = 0.3756
    expect(cost("dashscope", "qwen-plus-latest", { input: 300_000, output: 2000, reasoningTokens: 1000 })).toBe("0.3756");
  });

  it("dashscope qwen3-coder-flash-2025-07-28: a tier without a cache rate bills cache reads at its input rate", () => {
    // tier 0–32k: (10,000−5000)×0.0000003 + 5000×0.0000003 = 0.0015 + 0.0015 = 0.003
    expect(cost("dashscope", "qwen3-coder-flash-2025-07-28", { input: 10_000, output: 0, cachedInputTokens: 5000 })).toBe("0.003");
  });
});

describe("computeCost", () => {
  const prices = prepareModelPrices({ input: "0.000001", output: "0.000002" });
  const usage = (u: Partial<TokenUsage>): TokenUsage => ({
    inputTokens: 0,
    outputTokens: 0,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    ...u,
  });

  it("falls back: cache read and cache write to the input price, reasoning to the output price", () => {
    // (1000−300−200)×0.000001 + 300×0.000001 + 200×0.000001 + (500−100)×0.000002 + 100×0.000002
    // = 0.0005 + 0.0003 + 0.0002 + 0.0008 + 0.0002 = 0.002
    const result = computeCost(prices, usage({ inputTokens: 1000, cachedInputTokens: 300, cacheWriteTokens: 200, outputTokens: 500, reasoningTokens: 100 }));
    expect(result.costUsd).toBe("0.002");
    expect(result.cost.toFixed()).toBe("0.002");
  });

  it("never bills a negative count when a client leaves cache tokens out of its input", () => {
    const anthropicStyle = prepareModelPrices({ input: "0.000003", output: "0.000015", cacheRead: "0.0000003", cacheWrite: "0.00000375" });
    // uncached max(0, 100−80−50) = 0; 80×0.0000003 + 50×0.00000375 = 0.000024 + 0.0001875 = 0.0002115
    expect(computeCost(anthropicStyle, usage({ inputTokens: 100, cachedInputTokens: 80, cacheWriteTokens: 50 })).costUsd).toBe("0.0002115");
  });

  it("rounds once, at 10 decimal places, half to even", () => {
    const tiny = prepareModelPrices({ input: "0.00000000005", output: "0" });
    // 1×0.00000000005 = 0.00000000005 → the 10th place is 0 (even): "0"
    expect(computeCost(tiny, usage({ inputTokens: 1 })).costUsd).toBe("0");
    // 3×0.00000000005 = 0.00000000015 → 0.0000000001|5, 1 is odd: up to 0.0000000002
    expect(computeCost(tiny, usage({ inputTokens: 3 })).costUsd).toBe("0.0000000002");
    // 5×0.00000000005 = 0.00000000025 → 0.0000000002|5, 2 is even: stays 0.0000000002
    expect(computeCost(tiny, usage({ inputTokens: 5 })).costUsd).toBe("0.0000000002");
  });

  it("applies a multiplier before rounding", () => {
    // 1000×0.000001 × 0.875 = 0.000875
    expect(computeCost(prices, usage({ inputTokens: 1000 }), new PriceDecimal("0.875")).costUsd).toBe("0.000875");
  });

  it("rejects token counts that are not whole numbers ≥ 0", () => {
    expect(() => computeCost(prices, usage({ inputTokens: -1 }))).toThrow(RangeError);
    expect(() => computeCost(prices, usage({ outputTokens: 1.5 }))).toThrow(RangeError);
    expect(() => computeCost(prices, usage({ reasoningTokens: Number.NaN }))).toThrow(RangeError);
  });

  it("rejects negative prices", () => {
    expect(() => prepareModelPrices({ input: "-0.000001" })).toThrow(RangeError);
  });
});
