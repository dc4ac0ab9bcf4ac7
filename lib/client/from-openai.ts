import { countTokens } from "./count-tokens";
import type { EventUsage, TrackEventInput } from "./types";

/** The `usage` of an OpenAI Chat Completions or Responses answer, structurally: only the fields read here. */
export type OpenAIUsageLike = {
  /** Chat Completions. */
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
  /** Responses API. */
  input_tokens?: number | null;
  output_tokens?: number | null;
  input_tokens_details?: { cached_tokens?: number | null } | null;
  output_tokens_details?: { reasoning_tokens?: number | null } | null;
};

/** An OpenAI Chat Completion or Response, structurally. */
export type OpenAIResponseLike = { model: string; usage?: OpenAIUsageLike | null };

/** What the caller adds to an event built from a provider's answer: attribution, and `provider` to override (e.g. `azure_openai`). */
export type ResponseAttribution = Omit<TrackEventInput, "provider" | "model" | "usage"> & { provider?: string };

/**
 * Marginal usage from OpenAI usage (Chat Completions or Responses). OpenAI's input count already
 * includes cached tokens and its output count reasoning tokens, as Marginal's do; OpenAI reports
 * no cache writes.
 */
export function usageFromOpenAI(usage: OpenAIUsageLike | null | undefined): Required<EventUsage> {
  const inputTokens = countTokens(usage?.input_tokens ?? usage?.prompt_tokens);
  const outputTokens = countTokens(usage?.output_tokens ?? usage?.completion_tokens);
  const cached = countTokens(usage?.input_tokens_details?.cached_tokens ?? usage?.prompt_tokens_details?.cached_tokens);
  const reasoning = countTokens(usage?.output_tokens_details?.reasoning_tokens ?? usage?.completion_tokens_details?.reasoning_tokens);
  return {
    inputTokens,
    outputTokens,
    // Capped because the server refuses an event whose parts exceed its whole; a slightly low cache
    // count costs a little, a refused event loses the call.
    cachedInputTokens: Math.min(cached, inputTokens),
    cacheWriteTokens: 0,
    reasoningTokens: Math.min(reasoning, outputTokens),
  };
}

/** An event for an OpenAI Chat Completion or Response: provider `openai`, the answer's model, operation `chat`, its usage. */
export function eventFromOpenAIResponse(response: OpenAIResponseLike, attribution: ResponseAttribution = {}): TrackEventInput {
  return { operation: "chat", ...attribution, provider: attribution.provider ?? "openai", model: response.model, usage: usageFromOpenAI(response.usage) };
}
