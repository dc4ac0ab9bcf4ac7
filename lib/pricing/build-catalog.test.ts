import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildPriceCatalog, serializePriceCatalog } from "./build-catalog";
import { loadCatalog } from "./catalog";
import { sumCostsUsd, toPlainDecimal } from "./decimal";
import { JsonNumber, parseJsonExact } from "./parse-json-exact";

const root = path.resolve(__dirname, "../..");
const catalogPath = path.join(root, "lib/pricing/catalog.json");
const sourcePath = path.resolve(root, "../shared/data/litellm-model-prices.json");
const encode = (text: string) => new TextEncoder().encode(text);

const SAMPLE = `{
  "sample_spec": { "input_cost_per_token": 0, "litellm_provider": "one of ...", "mode": "chat" },
  "fallback_generalizations": { "rules": [] },
  "gpt-test": {
    "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05, "cache_read_input_token_cost": 1.25e-06,
    "input_cost_per_token_batches": 1.25e-06, "litellm_provider": "openai", "mode": "chat", "max_tokens": 16384
  },
  "claude-test": {
    "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05, "cache_read_input_token_cost": 3e-07,
    "cache_creation_input_token_cost": 3.75e-06, "cache_creation_input_token_cost_above_1hr": 6e-06,
    "input_cost_per_token_above_200k_tokens": 6e-06, "output_cost_per_token_above_200k_tokens": 2.25e-05,
    "cache_read_input_token_cost_above_200k_tokens": 6e-07, "input_cost_per_token_above_272k_tokens_priority": 1e-05,
    "litellm_provider": "anthropic", "mode": "chat"
  },
  "xai/grok-test": {
    "input_cost_per_token": 2e-07, "output_cost_per_token": 5e-07,
    "input_cost_per_token_above_128k_tokens": 4e-07, "litellm_provider": "xai", "mode": "chat"
  },
  "deepseek/test": { "input_cost_per_token": 5.5e-07, "input_cost_per_token_cache_hit": 1.4e-07, "output_cost_per_token": 2.19e-06, "output_cost_per_reasoning_token": 2.19e-06, "litellm_provider": "deepseek", "mode": "chat" },
  "dashscope/tiered": {
    "litellm_provider": "dashscope", "mode": "chat",
    "tiered_pricing": [
      { "input_cost_per_token": 2.5e-07, "output_cost_per_token": 0.000002, "range": [256000.0, 1000000.0] },
      { "input_cost_per_token": 5e-08, "output_cost_per_token": 4e-07, "range": [0, 256000.0] }
    ]
  },
  "search/test": { "litellm_provider": "exa_ai", "mode": "search", "tiered_pricing": [{ "input_cost_per_query": 0.005, "max_results_range": [0, 25] }] },
  "free/placeholder": { "input_cost_per_token": 0, "output_cost_per_token": 0.0, "litellm_provider": "bedrock", "mode": "chat" },
  "image/per-pixel": { "input_cost_per_pixel": 1e-08, "output_cost_per_token": 0, "litellm_provider": "azure", "mode": "image_generation" },
  "fireworks-ai-up-to-4b": { "input_cost_per_token": 2e-07, "output_cost_per_token": 2e-07, "litellm_provider": "fireworks_ai" }
}`;

const build = (text = SAMPLE, generatedAt = new Date("2026-07-19T00:00:00Z")) =>
  buildPriceCatalog({ sourceBytes: encode(text), inputFile: "sample.json", generatedAt });

describe("buildPriceCatalog", () => {
  const catalog = build();
  const byKey = new Map(catalog.entries.map((e) => [e.key, e]));

  it("keeps token-priced models with their prices as exact plain decimals", () => {
    expect(byKey.get("gpt-test")).toEqual({
      key: "gpt-test",
      provider: "openai",
      mode: "chat",
      input: "0.0000025",
      output: "0.00001",
      cacheRead: "0.00000125",
    });
  });

  it("keeps cache writes and the _above_ thresholds, without service tiers or 1-hour writes", () => {
    expect(byKey.get("claude-test")).toEqual({
      key: "claude-test",
      provider: "anthropic",
      mode: "chat",
      input: "0.000003",
      output: "0.000015",
      cacheRead: "0.0000003",
      cacheWrite: "0.00000375",
      thresholds: [{ above: 200000, input: "0.000006", output: "0.0000225", cacheRead: "0.0000006" }],
    });
  });

  it("marks xAI thresholds inclusive", () => {
    expect(byKey.get("xai/grok-test")).toMatchObject({ thresholds: [{ above: 128000, input: "0.0000004" }], thresholdInclusive: true });
    expect(byKey.get("claude-test")).not.toHaveProperty("thresholdInclusive");
  });

  it("reads DeepSeek's cache-hit rate as the cache-read rate, and reasoning rates", () => {
    expect(byKey.get("deepseek/test")).toMatchObject({ cacheRead: "0.00000014", reasoning: "0.00000219" });
  });

  it("keeps token tiers in order, and drops per-query tiers", () => {
    expect(byKey.get("dashscope/tiered")?.tiers).toEqual([
      { from: 0, to: 256000, input: "0.00000005", output: "0.0000004" },
      { from: 256000, to: 1000000, input: "0.00000025", output: "0.000002" },
    ]);
    expect(byKey.has("search/test")).toBe(false);
  });

  it("skips non-models, zero placeholders, non-token prices and size brackets, and counts why", () => {
    expect([...byKey.keys()]).toEqual(["gpt-test", "claude-test", "xai/grok-test", "deepseek/test", "dashscope/tiered"]);
    expect(catalog.counts).toEqual({
      sourceEntries: 9,
      entries: 5,
      skipped: { "all token prices zero": 2, "no mode (size-bracket rate)": 1, "no token prices": 1, "not a model": 2 },
    });
  });

  it("records the input's hash and leaves the commit unknown for an unknown input", () => {
    expect(catalog.source).toMatchObject({ repository: "BerriAI/litellm", commit: null, inputFile: "sample.json", bytes: encode(SAMPLE).byteLength });
    expect(catalog.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is deterministic: the same input and date give the same bytes", () => {
    expect(serializePriceCatalog(build())).toBe(serializePriceCatalog(build()));
    expect(serializePriceCatalog(build(SAMPLE, new Date("2027-01-01T00:00:00Z")))).not.toBe(serializePriceCatalog(build()));
  });
});

describe("the committed catalog.json", () => {
  const catalog = loadCatalog();

  it("names its source and build date", () => {
    expect(catalog.format).toBe(1);
    expect(catalog.source).toMatchObject({
      repository: "BerriAI/litellm",
      path: "model_prices_and_context_window.json",
      commit: "00035b69f416be24e2e323c13198d9b7d2d1bdf9",
      license: "MIT",
      sha256: "9cdbc982511111dbf85ea0d3ef491a6bae15162b8cb873dc45c3d9fcc290df4e",
      bytes: 1642422,
    });
    expect(catalog.source.mirror?.repository).toBe("RoCry/llm-api-price");
    expect(new Date(catalog.generatedAt).toISOString()).toBe(catalog.generatedAt);
    expect(catalog.counts.entries).toBe(catalog.entries.length);
  });

  it("holds only non-negative plain decimal prices and unique keys", () => {
    const plain = /^\d+(\.\d+)?$/;
    const prices = catalog.entries.flatMap((e) => [e, ...(e.thresholds ?? []), ...(e.tiers ?? [])]).flatMap((s) => [s.input, s.output, s.cacheRead, s.cacheWrite, s.reasoning]);
    for (const price of prices) if (price !== undefined) expect(price).toMatch(plain);
    expect(new Set(catalog.entries.map((e) => e.key)).size).toBe(catalog.entries.length);
  });

  it.skipIf(!existsSync(sourcePath))("is exactly what the builder makes from the source table", () => {
    const rebuilt = buildPriceCatalog({
      sourceBytes: readFileSync(sourcePath),
      inputFile: "../shared/data/litellm-model-prices.json",
      generatedAt: new Date(catalog.generatedAt),
    });
    expect(serializePriceCatalog(rebuilt)).toBe(readFileSync(catalogPath, "utf8"));
  });
});

describe("exact numbers", () => {
  it("parseJsonExact keeps each number's text", () => {
    const value = parseJsonExact('{"a": 2.5e-06, "b": [0, -1.50E+3, 3.3333333333333333e-07], "c": "x\\"y", "d": null, "e": true}') as Record<string, unknown>;
    expect(value.a).toEqual(new JsonNumber("2.5e-06"));
    expect(value.b).toEqual([new JsonNumber("0"), new JsonNumber("-1.50E+3"), new JsonNumber("3.3333333333333333e-07")]);
    expect(value.c).toBe('x"y');
    expect(value.d).toBeNull();
    expect(value.e).toBe(true);
  });

  it("parseJsonExact keeps a __proto__ key as data and rejects bad JSON", () => {
    const value = parseJsonExact('{"__proto__": {"polluted": 1}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => parseJsonExact('{"a": 1,}')).toThrow(SyntaxError);
    expect(() => parseJsonExact("[1] x")).toThrow(SyntaxError);
    expect(() => parseJsonExact('{"a": 01}')).toThrow(SyntaxError);
  });

  it("toPlainDecimal writes a lexeme in plain notation without passing through a float", () => {
    expect(toPlainDecimal("2.5e-06")).toBe("0.0000025");
    expect(toPlainDecimal("1.345e-07")).toBe("0.0000001345");
    expect(toPlainDecimal("0.0")).toBe("0");
    expect(toPlainDecimal("256000.0")).toBe("256000");
    // 17 significant digits: a double would print 3.3333333333333335e-7
    expect(toPlainDecimal("3.3333333333333333e-07")).toBe("0.00000033333333333333333");
    expect(() => toPlainDecimal("NaN")).toThrow(RangeError);
  });

  it("sumCostsUsd adds decimals exactly", () => {
    // 0.1 + 0.2 = 0.3 exactly (as floats it is 0.30000000000000004)
    expect(sumCostsUsd(["0.1", "0.2"]).toFixed()).toBe("0.3");
    expect(sumCostsUsd([]).toFixed()).toBe("0");
  });
});
