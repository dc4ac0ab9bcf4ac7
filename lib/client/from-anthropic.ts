import { countTokens } from "./count-tokens";
import type { ResponseAttribution } from "./from-openai";
import type { EventUsage, TrackEventInput } from "./types";

/** The `usage` of an Anthropic Messages answer, structurally: only the fields read here. */
export type AnthropicUsageLike = {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
};

/** An Anthropic Message, structurally. */
export type AnthropicMessageLike = { model: string; usage?: AnthropicUsageLike | null };

/**
 * Marginal usage from Anthropic usage. Anthropic's `input_tokens` EXCLUDES cache reads and
 * writes, so Marginal's input is the sum of the three. Thinking tokens are billed inside
 * `output_tokens` and not reported apart, so reasoning stays 0.
 */
export function usageFromAnthropic(usage: AnthropicUsageLike | null | undefined): Required<EventUsage> {
  const uncached = countTokens(usage?.input_tokens);
  const cacheRead = countTokens(usage?.cache_read_input_tokens);
  const cacheWrite = countTokens(usage?.cache_creation_input_tokens);
  return {
    inputTokens: uncached + cacheRead + cacheWrite,
    outputTokens: countTokens(usage?.output_tokens),
    cachedInputTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    reasoningTokens: 0,
  };
}

/** An event for an Anthropic Message: provider `anthropic`, the message's model, operation `chat`, its usage. */
export function eventFromAnthropicMessage(message: AnthropicMessageLike, attribution: ResponseAttribution = {}): TrackEventInput {
  return { operation: "chat", ...attribution, provider: attribution.provider ?? "anthropic", model: message.model, usage: usageFromAnthropic(message.usage) };
}
