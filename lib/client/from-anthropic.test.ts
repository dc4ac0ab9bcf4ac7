import { describe, expect, it } from "vitest";
import { eventFromAnthropicMessage, usageFromAnthropic } from "./from-anthropic";

// Shaped as the Anthropic Messages API returns them, extra fields included.
const firstCall = {
  id: "msg_01XFDUDYJgAACzvnptvVoYEL",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-5-20250929",
  content: [{ type: "text", text: "…" }],
  stop_reason: "end_turn",
  usage: {
    input_tokens: 48,
    cache_creation_input_tokens: 2051,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 2051, ephemeral_1h_input_tokens: 0 },
    output_tokens: 393,
    service_tier: "standard",
  },
};

const cacheHit = {
  id: "msg_01Aq9w938a90dw8q",
  type: "message",
  model: "claude-sonnet-4-5-20250929",
  usage: { input_tokens: 52, cache_creation_input_tokens: 0, cache_read_input_tokens: 2051, output_tokens: 410 },
};

describe("usageFromAnthropic", () => {
  it("adds cache writes to input, since Anthropic's input_tokens leaves them out", () => {
    // 48 + 0 + 2051 = 2099.
    expect(usageFromAnthropic(firstCall.usage)).toEqual({ inputTokens: 2099, outputTokens: 393, cachedInputTokens: 0, cacheWriteTokens: 2051, reasoningTokens: 0 });
  });

  it("adds cache reads to input and counts them as cached", () => {
    // 52 + 2051 + 0 = 2103.
    expect(usageFromAnthropic(cacheHit.usage)).toEqual({ inputTokens: 2103, outputTokens: 410, cachedInputTokens: 2051, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  it("reads both at once", () => {
    const both = { input_tokens: 10, cache_read_input_tokens: 1000, cache_creation_input_tokens: 300, output_tokens: 50 };
    expect(usageFromAnthropic(both)).toEqual({ inputTokens: 1310, outputTokens: 50, cachedInputTokens: 1000, cacheWriteTokens: 300, reasoningTokens: 0 });
  });

  it("treats missing and null cache fields as zero", () => {
    const older = { input_tokens: 12, output_tokens: 6 };
    const nulls = { input_tokens: 12, output_tokens: 6, cache_creation_input_tokens: null, cache_read_input_tokens: null };
    const expected = { inputTokens: 12, outputTokens: 6, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
    expect(usageFromAnthropic(older)).toEqual(expected);
    expect(usageFromAnthropic(nulls)).toEqual(expected);
    expect(usageFromAnthropic(undefined)).toEqual({ ...expected, inputTokens: 0, outputTokens: 0 });
  });
});

describe("eventFromAnthropicMessage", () => {
  it("takes provider, model and usage from the message, attribution from the caller", () => {
    expect(eventFromAnthropicMessage(cacheHit, { feature: "summarise", team: "growth", tags: { tier: "pro" } })).toEqual({
      provider: "anthropic",
      model: "claude-sonnet-4-5-20250929",
      operation: "chat",
      usage: { inputTokens: 2103, outputTokens: 410, cachedInputTokens: 2051, cacheWriteTokens: 0, reasoningTokens: 0 },
      feature: "summarise",
      team: "growth",
      tags: { tier: "pro" },
    });
  });

  it("lets the caller name the cloud that served Claude", () => {
    expect(eventFromAnthropicMessage(firstCall, { provider: "bedrock" })).toMatchObject({ provider: "bedrock", model: "claude-sonnet-4-5-20250929" });
  });
});
