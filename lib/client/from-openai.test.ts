import { describe, expect, it } from "vitest";
import { eventFromOpenAIResponse, usageFromOpenAI } from "./from-openai";

// Shaped as the OpenAI API returns them, extra fields included.
const chatCompletion = {
  id: "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
  object: "chat.completion",
  created: 1741570283,
  model: "o3-mini-2025-01-31",
  choices: [{ index: 0, message: { role: "assistant", content: "…" }, finish_reason: "stop" }],
  usage: {
    prompt_tokens: 2006,
    completion_tokens: 300,
    total_tokens: 2306,
    prompt_tokens_details: { cached_tokens: 1920, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 192, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  },
  service_tier: "default",
};

const response = {
  id: "resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b",
  object: "response",
  created_at: 1741476542,
  status: "completed",
  model: "gpt-5-2025-08-07",
  output: [],
  usage: {
    input_tokens: 3512,
    input_tokens_details: { cached_tokens: 3072 },
    output_tokens: 845,
    output_tokens_details: { reasoning_tokens: 512 },
    total_tokens: 4357,
  },
};

describe("usageFromOpenAI", () => {
  it("reads Chat Completions usage: input already includes the cached tokens", () => {
    expect(usageFromOpenAI(chatCompletion.usage)).toEqual({ inputTokens: 2006, outputTokens: 300, cachedInputTokens: 1920, cacheWriteTokens: 0, reasoningTokens: 192 });
  });

  it("reads Responses API usage", () => {
    expect(usageFromOpenAI(response.usage)).toEqual({ inputTokens: 3512, outputTokens: 845, cachedInputTokens: 3072, cacheWriteTokens: 0, reasoningTokens: 512 });
  });

  it("reads embeddings usage, which has prompt tokens only", () => {
    const embeddingUsage = { prompt_tokens: 8, total_tokens: 8 };
    expect(usageFromOpenAI(embeddingUsage)).toEqual({ inputTokens: 8, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  it("treats missing and null details, and a missing usage, as zero", () => {
    const nullDetails = { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19, prompt_tokens_details: null, completion_tokens_details: null };
    expect(usageFromOpenAI(nullDetails)).toEqual({ inputTokens: 12, outputTokens: 7, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expect(usageFromOpenAI(null)).toEqual({ inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expect(usageFromOpenAI(undefined)).toEqual({ inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  it("keeps the parts within their whole, which the server requires", () => {
    const odd = { prompt_tokens: 10, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 50 }, completion_tokens_details: { reasoning_tokens: 9 } };
    expect(usageFromOpenAI(odd)).toMatchObject({ cachedInputTokens: 10, reasoningTokens: 5 });
  });
});

describe("eventFromOpenAIResponse", () => {
  it("takes provider, model and usage from the answer, attribution from the caller", () => {
    expect(eventFromOpenAIResponse(chatCompletion, { feature: "support-bot", customer: "acme", runId: "run-1", latencyMs: 840 })).toEqual({
      provider: "openai",
      model: "o3-mini-2025-01-31",
      operation: "chat",
      usage: { inputTokens: 2006, outputTokens: 300, cachedInputTokens: 1920, cacheWriteTokens: 0, reasoningTokens: 192 },
      feature: "support-bot",
      customer: "acme",
      runId: "run-1",
      latencyMs: 840,
    });
  });

  it("lets the caller name another provider that speaks OpenAI's API", () => {
    expect(eventFromOpenAIResponse(response, { provider: "azure_openai" })).toMatchObject({ provider: "azure_openai", model: "gpt-5-2025-08-07", operation: "chat" });
  });

  it("records a streamed answer without usage as zero tokens rather than failing", () => {
    const streamedWithoutUsage = { id: "chatcmpl-1", model: "gpt-4o-mini", usage: null };
    expect(eventFromOpenAIResponse(streamedWithoutUsage).usage).toEqual({ inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  });
});
