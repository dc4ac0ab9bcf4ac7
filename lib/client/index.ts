// Public entry of the Marginal TypeScript client: import from "@/lib/client" inside this repository.
export { createMarginalClient, MAX_BATCH_SIZE } from "./create-marginal-client";
export { usageFromOpenAI, eventFromOpenAIResponse } from "./from-openai";
export type { OpenAIUsageLike, OpenAIResponseLike, ResponseAttribution } from "./from-openai";
export { usageFromAnthropic, eventFromAnthropicMessage } from "./from-anthropic";
export type { AnthropicUsageLike, AnthropicMessageLike } from "./from-anthropic";
export type {
  DeliveryFailure,
  DeliveryFailureReason,
  EventUsage,
  MarginalClient,
  MarginalClientOptions,
  Operation,
  RunOutcome,
  ServerItemError,
  TrackEventInput,
  TrackOutcomeInput,
  WireEvent,
  WireOutcome,
  WireUsage,
} from "./types";
