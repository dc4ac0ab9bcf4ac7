import type { EventUsage, TrackEventInput, TrackOutcomeInput, WireEvent, WireOutcome, WireUsage } from "./types";

/** A timestamp as the wire wants it: ISO-8601 with a zone; an invalid Date is left for the server to refuse by name. */
export function toWireTimestamp(value: Date | string | undefined, nowMs: number): string {
  if (value === undefined) return new Date(nowMs).toISOString();
  if (typeof value === "string") return value;
  return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
}

/** Usage in the wire's snake_case, leaving out counts that were not given (the server defaults them to 0). */
export function toWireUsage(usage: EventUsage): Partial<WireUsage> {
  const wire: Partial<WireUsage> = {};
  if (usage.inputTokens !== undefined) wire.input_tokens = usage.inputTokens;
  if (usage.outputTokens !== undefined) wire.output_tokens = usage.outputTokens;
  if (usage.cachedInputTokens !== undefined) wire.cached_input_tokens = usage.cachedInputTokens;
  if (usage.cacheWriteTokens !== undefined) wire.cache_write_tokens = usage.cacheWriteTokens;
  if (usage.reasoningTokens !== undefined) wire.reasoning_tokens = usage.reasoningTokens;
  return wire;
}

/** The event `track` queues: id and timestamp fixed now, so every retry sends the very same event. */
export function toWireEvent(input: TrackEventInput, nowMs: number, newId: () => string): WireEvent {
  const wire: WireEvent = {
    id: input.id ?? newId(),
    timestamp: toWireTimestamp(input.timestamp, nowMs),
    provider: input.provider,
    model: input.model,
  };
  if (input.operation !== undefined) wire.operation = input.operation;
  if (input.usage !== undefined) wire.usage = toWireUsage(input.usage);
  if (input.costUsd !== undefined) wire.cost_usd = input.costUsd;
  if (input.latencyMs !== undefined) wire.latency_ms = input.latencyMs;
  if (input.status !== undefined) wire.status = input.status;
  if (input.feature !== undefined) wire.feature = input.feature;
  if (input.team !== undefined) wire.team = input.team;
  if (input.customer !== undefined) wire.customer = input.customer;
  if (input.environment !== undefined) wire.environment = input.environment;
  if (input.workflow !== undefined) wire.workflow = input.workflow;
  if (input.runId !== undefined) wire.run_id = input.runId;
  if (input.step !== undefined) wire.step = input.step;
  if (input.user !== undefined) wire.user = input.user;
  // Copied so a caller reusing its tags object cannot change an event already queued.
  if (input.tags !== undefined) wire.tags = { ...input.tags };
  return wire;
}

/** The outcome `trackOutcome` queues, its timestamp fixed at track time like an event's. */
export function toWireOutcome(input: TrackOutcomeInput, nowMs: number): WireOutcome {
  const wire: WireOutcome = { run_id: input.runId, outcome: input.outcome, timestamp: toWireTimestamp(input.timestamp, nowMs) };
  if (input.valueUsd !== undefined) wire.value_usd = input.valueUsd;
  return wire;
}
