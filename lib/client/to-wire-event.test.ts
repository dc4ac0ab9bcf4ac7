import { describe, expect, it } from "vitest";
import { eventSchema, OPERATIONS } from "@/lib/ingest/schemas";
import { eventFromAnthropicMessage } from "./from-anthropic";
import { eventFromOpenAIResponse } from "./from-openai";
import { toWireEvent, toWireOutcome, toWireTimestamp } from "./to-wire-event";
import type { Operation } from "./types";

const nowMs = Date.parse("2026-10-01T12:00:00Z");
const fixedId = () => "generated-id";

describe("toWireEvent", () => {
  it("maps every camelCase field to the snake_case wire field", () => {
    const wire = toWireEvent(
      {
        id: "evt-1",
        timestamp: "2026-10-01T11:59:00+02:00",
        provider: "anthropic",
        model: "claude-haiku-4-5",
        operation: "chat",
        usage: { inputTokens: 1310, outputTokens: 50, cachedInputTokens: 1000, cacheWriteTokens: 300, reasoningTokens: 0 },
        costUsd: "0.00123",
        latencyMs: 420,
        status: "error",
        feature: "f",
        team: "t",
        customer: "c",
        environment: "prod",
        workflow: "w",
        runId: "r",
        step: "s",
        user: "u",
        tags: { a: "b" },
      },
      nowMs,
      fixedId,
    );
    expect(wire).toEqual({
      id: "evt-1",
      timestamp: "2026-10-01T11:59:00+02:00",
      provider: "anthropic",
      model: "claude-haiku-4-5",
      operation: "chat",
      usage: { input_tokens: 1310, output_tokens: 50, cached_input_tokens: 1000, cache_write_tokens: 300, reasoning_tokens: 0 },
      cost_usd: "0.00123",
      latency_ms: 420,
      status: "error",
      feature: "f",
      team: "t",
      customer: "c",
      environment: "prod",
      workflow: "w",
      run_id: "r",
      step: "s",
      user: "u",
      tags: { a: "b" },
    });
  });

  it("fills a missing id and timestamp, and copies tags so later changes do not leak in", () => {
    const tags = { tier: "pro" };
    const wire = toWireEvent({ provider: "openai", model: "gpt-4o", tags }, nowMs, fixedId);
    tags.tier = "free";
    expect(wire).toEqual({ id: "generated-id", timestamp: "2026-10-01T12:00:00.000Z", provider: "openai", model: "gpt-4o", tags: { tier: "pro" } });
  });

  it("produces events the server's schema accepts, from the provider helpers too", () => {
    const fromOpenAI = eventFromOpenAIResponse({ model: "gpt-4o", usage: { prompt_tokens: 2006, completion_tokens: 300, prompt_tokens_details: { cached_tokens: 1920 } } }, { feature: "x" });
    const fromAnthropic = eventFromAnthropicMessage({ model: "claude-sonnet-4-5", usage: { input_tokens: 10, cache_read_input_tokens: 1000, cache_creation_input_tokens: 300, output_tokens: 5 } });
    for (const input of [fromOpenAI, fromAnthropic, { provider: "self_hosted", model: "llama-3.1-8b", costUsd: 0.0001 }]) {
      const result = eventSchema.safeParse(toWireEvent(input, nowMs, fixedId));
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    }
  });

  it("names the same operations as the server", () => {
    const clientOperations: Operation[] = ["chat", "completion", "embedding", "image", "audio", "rerank", "tool", "other"];
    expect([...OPERATIONS].sort()).toEqual([...clientOperations].sort());
  });
});

describe("toWireTimestamp", () => {
  it("writes Dates as ISO-8601 UTC and passes strings through", () => {
    expect(toWireTimestamp(new Date("2026-10-01T12:00:00Z"), nowMs)).toBe("2026-10-01T12:00:00.000Z");
    expect(toWireTimestamp("2026-10-01T12:00:00Z", nowMs)).toBe("2026-10-01T12:00:00Z");
    expect(toWireTimestamp(undefined, nowMs)).toBe("2026-10-01T12:00:00.000Z");
  });

  it("leaves an invalid Date for the server to refuse by name rather than throwing in track", () => {
    expect(toWireTimestamp(new Date("nonsense"), nowMs)).toBe("Invalid Date");
  });
});

describe("toWireOutcome", () => {
  it("maps to snake_case and fixes the timestamp at track time", () => {
    expect(toWireOutcome({ runId: "run-1", outcome: "failure", valueUsd: 0 }, nowMs)).toEqual({ run_id: "run-1", outcome: "failure", value_usd: 0, timestamp: "2026-10-01T12:00:00.000Z" });
  });
});
