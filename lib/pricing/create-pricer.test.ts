import { describe, expect, it } from "vitest";
import { loadCatalog } from "./catalog";
import { createPricer, type PriceEventInput, type PriceOverrideRule } from "./create-pricer";
import { sumCostsUsd } from "./decimal";

const catalog = loadCatalog();

const event = (e: Partial<PriceEventInput> & Pick<PriceEventInput, "provider" | "model">): PriceEventInput => ({
  timestamp: new Date("2026-06-15T00:00:00Z"),
  inputTokens: 1000,
  outputTokens: 200,
  cachedInputTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  ...e,
});

const rule = (r: Partial<PriceOverrideRule> & Pick<PriceOverrideRule, "kind" | "provider" | "effectiveFrom">): PriceOverrideRule => ({
  model: null,
  discountPct: null,
  inputPrice: null,
  outputPrice: null,
  cacheReadPrice: null,
  cacheWritePrice: null,
  reasoningPrice: null,
  ...r,
});

const custom = (provider: string, model: string | null, from: string, prices: Partial<PriceOverrideRule>) =>
  rule({ kind: "custom", provider, model, effectiveFrom: new Date(from), ...prices });
const discount = (provider: string, pct: string, from: string, model: string | null = null) =>
  rule({ kind: "discount", provider, model, discountPct: pct, effectiveFrom: new Date(from) });

describe("createPricer without overrides", () => {
  it("prices a catalog model and names the price it used", () => {
    // 1000×0.0000025 + 200×0.00001 = 0.0045
    expect(createPricer(catalog, []).priceEvent(event({ provider: "openai", model: "gpt-4o" }))).toEqual({
      costUsd: "0.0045",
      source: "computed",
      priceKey: "gpt-4o",
    });
  });

  it("marks an unknown model unpriced at cost 0", () => {
    expect(createPricer(catalog, []).priceEvent(event({ provider: "openai", model: "gpt-unknown-9" }))).toEqual({
      costUsd: "0",
      source: "unpriced",
      priceKey: null,
    });
  });

  it("marks a self-hosted model unpriced until the organization prices it", () => {
    expect(createPricer(catalog, []).priceEvent(event({ provider: "self_hosted", model: "llama-3-70b" })).source).toBe("unpriced");
  });
});

describe("custom prices", () => {
  it("price a self-hosted model; missing cache and reasoning prices fall back", () => {
    const pricer = createPricer(catalog, [custom("self_hosted", "llama-3-70b", "2026-01-01T00:00:00Z", { inputPrice: "0.0000001", outputPrice: "0.0000002" })]);
    // (1000−300−200)×0.0000001 + 300×0.0000001 + 200×0.0000001 + (500−100)×0.0000002 + 100×0.0000002
    // = 0.00005 + 0.00003 + 0.00002 + 0.00008 + 0.00002 = 0.0002
    expect(
      pricer.priceEvent(event({ provider: "self_hosted", model: "llama-3-70b", inputTokens: 1000, cachedInputTokens: 300, cacheWriteTokens: 200, outputTokens: 500, reasoningTokens: 100 })),
    ).toEqual({ costUsd: "0.0002", source: "computed", priceKey: "custom:self_hosted/llama-3-70b" });
  });

  it("use their own cache and reasoning prices when given", () => {
    const pricer = createPricer(catalog, [
      custom("self_hosted", "qwen-72b", "2026-01-01T00:00:00Z", {
        inputPrice: "0.000001",
        outputPrice: "0.000004",
        cacheReadPrice: "0.0000001",
        cacheWritePrice: "0.00000125",
        reasoningPrice: "0.000002",
      }),
    ]);
    // (1000−300−200)×0.000001 + 300×0.0000001 + 200×0.00000125 + (500−100)×0.000004 + 100×0.000002
    // = 0.0005 + 0.00003 + 0.00025 + 0.0016 + 0.0002 = 0.00258
    expect(
      pricer.priceEvent(event({ provider: "self_hosted", model: "qwen-72b", inputTokens: 1000, cachedInputTokens: 300, cacheWriteTokens: 200, outputTokens: 500, reasoningTokens: 100 })).costUsd,
    ).toBe("0.00258");
  });

  it("replace the catalog price of a catalog model, matched through its dated name", () => {
    const pricer = createPricer(catalog, [custom("openai", "gpt-4o", "2026-01-01T00:00:00Z", { inputPrice: "0.000002", outputPrice: "0.000008" })]);
    // 1000×0.000002 + 200×0.000008 = 0.002 + 0.0016 = 0.0036
    expect(pricer.priceEvent(event({ provider: "openai", model: "gpt-4o-2024-08-06" }))).toEqual({
      costUsd: "0.0036",
      source: "computed",
      priceKey: "custom:openai/gpt-4o",
    });
  });

  it("for a whole provider apply to its models without a price of their own", () => {
    const pricer = createPricer(catalog, [
      custom("self_hosted", null, "2026-01-01T00:00:00Z", { inputPrice: "0.0000001", outputPrice: "0.0000001" }),
      custom("self_hosted", "big-model", "2026-01-01T00:00:00Z", { inputPrice: "0.000001", outputPrice: "0.000001" }),
    ]);
    // 1000×0.0000001 + 200×0.0000001 = 0.00012
    expect(pricer.priceEvent(event({ provider: "self_hosted", model: "small-model" }))).toMatchObject({ costUsd: "0.00012", priceKey: "custom:self_hosted/*" });
    // 1000×0.000001 + 200×0.000001 = 0.0012
    expect(pricer.priceEvent(event({ provider: "self_hosted", model: "big-model" })).costUsd).toBe("0.0012");
  });

  it("match provider aliases and model names case-insensitively", () => {
    const pricer = createPricer(catalog, [custom("Azure", "GPT-4o", "2026-01-01T00:00:00Z", { inputPrice: "0.000001", outputPrice: "0.000001" })]);
    // 1000×0.000001 + 200×0.000001 = 0.0012
    expect(pricer.priceEvent(event({ provider: "azure_openai", model: "gpt-4o" })).costUsd).toBe("0.0012");
  });
});

describe("effective dating", () => {
  const change = "2026-03-01T00:00:00Z";

  it("a price change applies from its instant on, the old price before", () => {
    const pricer = createPricer(catalog, [
      custom("self_hosted", "llama-3-70b", "2026-01-01T00:00:00Z", { inputPrice: "0.000001", outputPrice: "0.000002" }),
      custom("self_hosted", "llama-3-70b", change, { inputPrice: "0.0000005", outputPrice: "0.000001" }),
    ]);
    const priceAt = (iso: string) => pricer.priceEvent(event({ provider: "self_hosted", model: "llama-3-70b", timestamp: new Date(iso) }));
    // before any rule: unpriced
    expect(priceAt("2025-12-31T23:59:59.999Z").source).toBe("unpriced");
    // old: 1000×0.000001 + 200×0.000002 = 0.0014
    expect(priceAt("2026-02-28T23:59:59.999Z").costUsd).toBe("0.0014");
    // new, from the change itself: 1000×0.0000005 + 200×0.000001 = 0.0007
    expect(priceAt(change).costUsd).toBe("0.0007");
    expect(priceAt("2026-12-31T00:00:00Z").costUsd).toBe("0.0007");
  });

  it("rules may come in any order", () => {
    const pricer = createPricer(catalog, [
      custom("self_hosted", "m", change, { inputPrice: "0.0000005", outputPrice: "0" }),
      custom("self_hosted", "m", "2026-01-01T00:00:00Z", { inputPrice: "0.000001", outputPrice: "0" }),
    ]);
    // 1000×0.000001 = 0.001, then 1000×0.0000005 = 0.0005
    expect(pricer.priceEvent(event({ provider: "self_hosted", model: "m", timestamp: new Date("2026-02-01T00:00:00Z") })).costUsd).toBe("0.001");
    expect(pricer.priceEvent(event({ provider: "self_hosted", model: "m", timestamp: new Date("2026-04-01T00:00:00Z") })).costUsd).toBe("0.0005");
  });

  it("a custom price over a catalog model applies only from its date", () => {
    const pricer = createPricer(catalog, [custom("openai", "gpt-4o", change, { inputPrice: "0.000002", outputPrice: "0.000008" })]);
    // catalog: 0.0045; custom: 1000×0.000002 + 200×0.000008 = 0.0036
    expect(pricer.priceEvent(event({ provider: "openai", model: "gpt-4o", timestamp: new Date("2026-02-01T00:00:00Z") }))).toMatchObject({ costUsd: "0.0045", priceKey: "gpt-4o" });
    expect(pricer.priceEvent(event({ provider: "openai", model: "gpt-4o", timestamp: new Date(change) }))).toMatchObject({ costUsd: "0.0036", priceKey: "custom:openai/gpt-4o" });
  });

  it("a custom rule without prices ends the custom price: the catalog applies again", () => {
    const pricer = createPricer(catalog, [
      custom("openai", "gpt-4o", "2026-01-01T00:00:00Z", { inputPrice: "0.000002", outputPrice: "0.000008" }),
      custom("openai", "gpt-4o", change, {}),
    ]);
    expect(pricer.priceEvent(event({ provider: "openai", model: "gpt-4o", timestamp: new Date("2026-02-01T00:00:00Z") })).costUsd).toBe("0.0036");
    expect(pricer.priceEvent(event({ provider: "openai", model: "gpt-4o", timestamp: new Date(change) })).costUsd).toBe("0.0045");
  });

  it("a discount applies from its date, and a later one replaces it", () => {
    const pricer = createPricer(catalog, [discount("openai", "20", change), discount("openai", "0", "2026-06-01T00:00:00Z")]);
    const at = (iso: string) => pricer.priceEvent(event({ provider: "openai", model: "gpt-4o", timestamp: new Date(iso) })).costUsd;
    expect(at("2026-02-01T00:00:00Z")).toBe("0.0045");
    // 0.0045 × (1 − 20/100) = 0.0036
    expect(at(change)).toBe("0.0036");
    expect(at("2026-06-01T00:00:00Z")).toBe("0.0045");
  });
});

describe("discounts", () => {
  it("take their percentage off the catalog price", () => {
    const pricer = createPricer(catalog, [discount("anthropic", "15", "2026-01-01T00:00:00Z")]);
    // (1000×0.000005 + 200×0.000025) × 0.85 = (0.005 + 0.005) × 0.85 = 0.0085
    expect(pricer.priceEvent(event({ provider: "anthropic", model: "claude-opus-4-6" }))).toEqual({
      costUsd: "0.0085",
      source: "computed",
      priceKey: "claude-opus-4-6",
    });
  });

  it("take their percentage off a custom price", () => {
    const pricer = createPricer(catalog, [
      custom("self_hosted", "llama-3-70b", "2026-01-01T00:00:00Z", { inputPrice: "0.0000001", outputPrice: "0.0000002" }),
      discount("self_hosted", "12.5", "2026-01-01T00:00:00Z"),
    ]);
    // (1000×0.0000001 + 1000×0.0000002) × 0.875 = 0.0003 × 0.875 = 0.0002625
    expect(pricer.priceEvent(event({ provider: "self_hosted", model: "llama-3-70b", outputTokens: 1000 })).costUsd).toBe("0.0002625");
  });

  it("apply per provider only", () => {
    const pricer = createPricer(catalog, [discount("anthropic", "50", "2026-01-01T00:00:00Z")]);
    expect(pricer.priceEvent(event({ provider: "openai", model: "gpt-4o" })).costUsd).toBe("0.0045");
  });

  it("for one model take precedence over the provider's", () => {
    const pricer = createPricer(catalog, [discount("openai", "10", "2026-01-01T00:00:00Z"), discount("openai", "30", "2026-01-01T00:00:00Z", "gpt-4o")]);
    // 0.0045 × 0.7 = 0.00315
    expect(pricer.priceEvent(event({ provider: "openai", model: "gpt-4o" })).costUsd).toBe("0.00315");
    // gpt-4o-mini: (1000×0.00000015 + 200×0.0000006) × 0.9 = 0.00027 × 0.9 = 0.000243
    expect(pricer.priceEvent(event({ provider: "openai", model: "gpt-4o-mini" })).costUsd).toBe("0.000243");
  });

  it("of an odd percentage stay exact until the final rounding", () => {
    const pricer = createPricer(catalog, [discount("openai", "33.3333", "2026-01-01T00:00:00Z")]);
    // 0.0045 × (1 − 0.333333) = 0.0045 × 0.666667 = 0.0030000015
    expect(pricer.priceEvent(event({ provider: "openai", model: "gpt-4o" })).costUsd).toBe("0.0030000015");
  });

  it("leave an unpriced event unpriced", () => {
    const pricer = createPricer(catalog, [discount("openai", "10", "2026-01-01T00:00:00Z")]);
    expect(pricer.priceEvent(event({ provider: "openai", model: "gpt-unknown-9" })).source).toBe("unpriced");
  });

  it("outside 0–100 % are refused", () => {
    expect(() => createPricer(catalog, [discount("openai", "120", "2026-01-01T00:00:00Z")])).toThrow(RangeError);
    expect(() => createPricer(catalog, [discount("openai", "-5", "2026-01-01T00:00:00Z")])).toThrow(RangeError);
  });
});

describe("exact decimals", () => {
  it("a million tiny costs sum to the exact total, where floats drift", () => {
    const pricer = createPricer(catalog, []);
    // groq llama-3.1-8b-instant: 2×0.00000005 = 0.0000001 per event; a million of them = 0.1
    const one = event({ provider: "groq", model: "llama-3.1-8b-instant", inputTokens: 2, outputTokens: 0 });
    const costs: string[] = [];
    for (let i = 0; i < 1_000_000; i++) costs.push(pricer.priceEvent(one).costUsd);
    expect(costs[0]).toBe("0.0000001");
    expect(sumCostsUsd(costs).toFixed()).toBe("0.1");

    let float = 0;
    for (const c of costs) float += Number(c);
    expect(float).not.toBe(0.1);
  });

  it("a cost stays exact at 10 decimal places and large totals", () => {
    const pricer = createPricer(catalog, [custom("self_hosted", "m", "2026-01-01T00:00:00Z", { inputPrice: "0.00000000012345", outputPrice: "0" })]);
    // 1×0.00000000012345 = 0.00000000012345 → 10 places, half-even: 0.0000000001
    expect(pricer.priceEvent(event({ provider: "self_hosted", model: "m", inputTokens: 1, outputTokens: 0 })).costUsd).toBe("0.0000000001");
    // 9,007,199,254,740,991 × 12,345 = 111,193,874,799,777,533,895, × 10⁻¹⁴ = 1,111,938.74799777533895
    // → 10 places: 1111938.7479977753 (a float would keep about 16 significant digits of it)
    expect(pricer.priceEvent(event({ provider: "self_hosted", model: "m", inputTokens: Number.MAX_SAFE_INTEGER, outputTokens: 0 })).costUsd).toBe(
      "1111938.7479977753",
    );
  });
});
