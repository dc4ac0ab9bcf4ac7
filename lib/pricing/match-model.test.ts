import { describe, expect, it } from "vitest";
import { loadCatalog } from "./catalog";
import type { CatalogEntry, PriceCatalog } from "./catalog-types";
import { createModelMatcher, matchModel } from "./match-model";
import { listModelNameVariants } from "./model-name-variants";
import { listCatalogProviders, normalizeProvider } from "./resolve-providers";

const catalog = loadCatalog();
const keyOf = (provider: string, model: string) => matchModel(catalog, provider, model)?.key ?? null;

describe("matchModel against the built-in catalog", () => {
  it.each([
    // exact keys
    ["openai", "gpt-4o", "gpt-4o"],
    ["anthropic", "claude-sonnet-4-20250514", "claude-sonnet-4-20250514"],
    ["bedrock", "anthropic.claude-3-5-sonnet-20241022-v2:0", "anthropic.claude-3-5-sonnet-20241022-v2:0"],
    ["deepseek", "deepseek-chat", "deepseek-chat"],
    // a dated key that exists wins over the undated one (gpt-4o-2024-05-13 cost twice gpt-4o)
    ["openai", "gpt-4o-2024-05-13", "gpt-4o-2024-05-13"],
    // case-insensitive
    ["OpenAI", "GPT-4o", "gpt-4o"],
    // provider prefix added: gemini/, azure/, mistral/, xai/, groq/
    ["google", "gemini-2.5-flash", "gemini/gemini-2.5-flash"],
    ["azure_openai", "gpt-4o", "azure/gpt-4o"],
    ["mistral", "mistral-large-latest", "mistral/mistral-large-latest"],
    ["xai", "grok-4.3", "xai/grok-4.3"],
    ["groq", "llama-3.1-8b-instant", "groq/llama-3.1-8b-instant"],
    // provider prefix removed, and Google's `models/` path
    ["openai", "openai/gpt-4o", "gpt-4o"],
    ["google", "models/gemini-2.5-pro", "gemini/gemini-2.5-pro"],
    // Vertex AI's own spelling for its listings
    ["vertex_ai", "gemini-2.5-pro", "gemini-2.5-pro"],
    ["vertex_ai", "claude-3-5-sonnet@20240620", "vertex_ai/claude-3-5-sonnet@20240620"],
    ["google", "claude-sonnet-4@20250514", "vertex_ai/claude-sonnet-4@20250514"],
    ["vertex_ai", "claude-3-5-sonnet-v2@20241022", "vertex_ai/claude-3-5-sonnet"],
    // date and version suffixes stripped when the dated key is absent
    ["openai", "gpt-4o-2099-01-01", "gpt-4o"],
    ["openai", "gpt-4o-mini-2099-07-18", "gpt-4o-mini"],
    ["anthropic", "claude-sonnet-4-5-20991231", "claude-sonnet-4-5"],
    ["mistral", "mistral-small-2503", "mistral/mistral-small"],
    // Anthropic no longer lists Claude 3.5 Sonnet; its list price is taken from Vertex AI
    ["anthropic", "claude-3-5-sonnet-20241022", "vertex_ai/claude-3-5-sonnet"],
    ["anthropic", "claude-3-5-sonnet-latest", "vertex_ai/claude-3-5-sonnet"],
    // Bedrock: region prefixes use the regional listing when there is one, else the global id
    ["bedrock", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "us.anthropic.claude-sonnet-4-5-20250929-v1:0"],
    ["bedrock", "apac.anthropic.claude-3-7-sonnet-20250219-v1:0", "anthropic.claude-3-7-sonnet-20250219-v1:0"],
    ["bedrock", "us.amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0"],
    ["bedrock", "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-haiku-20240307-v1:0"],
    // Bedrock id of a release Bedrock's listing lacks: Anthropic's list price for that release
    ["bedrock", "anthropic.claude-opus-4-1-20250805-v9:0", "claude-opus-4-1-20250805"],
    ["bedrock", "anthropic.claude-haiku-4-5-v1:0", "claude-haiku-4-5"],
    // Azure OpenAI: OpenAI's list price for a model Azure's listing lacks
    ["azure_openai", "gpt-4-turbo-preview", "gpt-4-turbo-preview"],
    // OpenTelemetry provider names
    ["aws.bedrock", "anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-haiku-20240307-v1:0"],
    ["gcp.gemini", "gemini-2.0-flash", "gemini/gemini-2.0-flash"],
    ["gcp.vertex_ai", "gemini-2.0-flash", "gemini-2.0-flash"],
    ["azure.ai.openai", "gpt-4.1", "azure/gpt-4.1"],
    // an unmapped provider is taken as LiteLLM's own name
    ["openrouter", "anthropic/claude-3.5-sonnet", "openrouter/anthropic/claude-3.5-sonnet"],
  ])("%s %s → %s", (provider, model, key) => {
    expect(keyOf(provider, model)).toBe(key);
  });

  it.each([
    ["openai", "gpt-unknown-9"],
    ["openai", "claude-sonnet-4-5"], // another vendor's model is not OpenAI's price
    ["self_hosted", "llama-3-70b"], // self-hosted models have only custom prices
    ["made-up-provider", "gpt-4o"],
    ["bedrock", "anthropic.claude-mythos-preview"], // LiteLLM lists it at 0: left unpriced
    ["openai", ""],
  ])("%s %s → no price", (provider, model) => {
    expect(keyOf(provider, model)).toBeNull();
  });

  it("memoizes: the same pair gives the same entry object", () => {
    const matcher = createModelMatcher(catalog);
    const first = matcher("openai", "gpt-4o-2099-01-01");
    expect(first).not.toBeNull();
    expect(matcher("openai", "gpt-4o-2099-01-01")).toBe(first);
  });
});

describe("matching rules on a small catalog", () => {
  const entry = (key: string, provider: string): CatalogEntry => ({ key, provider, mode: "chat", input: "0.000001", output: "0.000002" });
  const small: PriceCatalog = { ...catalog, entries: [entry("Model-A", "acme"), entry("acme/model-b", "acme"), entry("model-b", "other")] };

  it("prefers the provider's own listing over another provider's identical name", () => {
    expect(createModelMatcher(small)("acme", "model-b")?.key).toBe("acme/model-b");
    expect(createModelMatcher(small)("other", "model-b")?.key).toBe("model-b");
  });

  it("folds case on both sides", () => {
    expect(createModelMatcher(small)("ACME", "model-a")?.key).toBe("Model-A");
  });
});

describe("listModelNameVariants", () => {
  it("spells a Bedrock id every way, most faithful first", () => {
    const [exact, respelled, stripped] = listModelNameVariants("us.anthropic.claude-3-5-sonnet-20241022-v2:0");
    expect(exact).toEqual(["us.anthropic.claude-3-5-sonnet-20241022-v2:0"]);
    expect(respelled).toEqual([
      "anthropic.claude-3-5-sonnet-20241022-v2:0",
      "claude-3-5-sonnet-20241022-v2:0",
      "claude-3-5-sonnet-20241022",
    ]);
    expect(stripped).toContain("claude-3-5-sonnet");
  });

  it("turns Vertex's @release into Anthropic's dated name", () => {
    expect(listModelNameVariants("claude-3-5-sonnet@20240620")[1]).toContain("claude-3-5-sonnet-20240620");
  });

  it("strips OpenAI, Anthropic, Google and -latest suffixes", () => {
    expect(listModelNameVariants("gpt-4o-2024-08-06")[2]).toEqual(["gpt-4o"]);
    expect(listModelNameVariants("claude-sonnet-4-20250514")[2]).toEqual(["claude-sonnet-4"]);
    expect(listModelNameVariants("gemini-1.5-pro-002")[2]).toEqual(["gemini-1.5-pro"]);
    expect(listModelNameVariants("claude-3-5-sonnet-latest")[2]).toEqual(["claude-3-5-sonnet"]);
  });
});

describe("provider names", () => {
  it("folds aliases to Marginal's names", () => {
    expect(normalizeProvider(" Azure ")).toBe("azure_openai");
    expect(normalizeProvider("gcp.vertex_ai")).toBe("vertex_ai");
    expect(normalizeProvider("x_ai")).toBe("xai");
    expect(normalizeProvider("groq")).toBe("groq");
  });

  it("maps google to the Gemini API first, then every Vertex AI listing", () => {
    const known = new Set(catalog.entries.map((e) => e.provider));
    const { primary, fallback } = listCatalogProviders("google", known);
    expect(primary.slice(0, 2)).toEqual(["gemini", "vertex_ai-language-models"]);
    expect(primary).toContain("vertex_ai-anthropic_models");
    expect(fallback).toEqual(["anthropic"]);
    expect(listCatalogProviders("bedrock", known).primary).toEqual(["bedrock", "bedrock_converse", "bedrock_mantle"]);
  });
});
