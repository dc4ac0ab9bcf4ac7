import { describe, expect, it } from "vitest";
import type { RunStep } from "@/lib/runs/get-run";
import { MIN_BAR_PCT, callAnchor, formatMs, prepareWaterfall } from "./prepare-waterfall";

function call(id: string, offset: number, latency: number | null, cost: string, status = "ok"): RunStep {
  return {
    id, timestamp: "2026-11-01T00:00:00.000Z", offset_ms: offset, latency_ms: latency, provider: "openai", model: "gpt-4o", operation: "chat", step: null, status,
    input_tokens: 10, output_tokens: 5, cached_input_tokens: 2, cache_write_tokens: 0, reasoning_tokens: 1, cost_usd: cost, cost_source: "provided", feature: null, tags: null,
  };
}

describe("prepareWaterfall", () => {
  const run = {
    cost_usd: "1",
    most_expensive_call_id: "b",
    calls: [call("a", 0, 200, "0.25"), call("b", 200, 600, "0.7"), call("c", 800, 200, "0.05", "error")],
  };

  it("positions bars at offset and latency in percent of the run's span", () => {
    const w = prepareWaterfall(run);
    expect(w.spanMs).toBe(1000);
    expect(w.rows.map((r) => [r.leftPct, r.widthPct])).toEqual([[0, 20], [20, 60], [80, 20]]);
    expect(w.rows.map((r) => r.index)).toEqual([1, 2, 3]);
  });

  it("flags the most expensive call and gives each call its share of the cost", () => {
    const w = prepareWaterfall(run);
    expect(w.rows.map((r) => r.mostExpensive)).toEqual([false, true, false]);
    expect(w.mostExpensiveAnchor).toBe("call-b");
    expect(w.rows.map((r) => r.costShare)).toEqual([0.25, 0.7, 0.05]);
    expect(w.rows.map((r) => r.costShareLabel)).toEqual(["25%", "70%", "5%"]);
    expect(w.rows.map((r) => r.costLabel)).toEqual(["$0.25", "$0.7", "$0.05"]);
    expect(w.rows[2].status).toBe("error");
  });

  it("gives zero-latency and unknown-latency calls the minimum width, inside the track", () => {
    const w = prepareWaterfall({ cost_usd: "0", most_expensive_call_id: "x", calls: [call("x", 0, 0, "0"), call("y", 0, null, "0")] });
    expect(w.spanMs).toBe(0);
    expect(w.rows.map((r) => [r.leftPct, r.widthPct])).toEqual([[0, MIN_BAR_PCT], [0, MIN_BAR_PCT]]);
    expect(w.rows.map((r) => r.costShare)).toEqual([0, 0]);
  });

  it("keeps a late zero-latency call's bar inside the track", () => {
    const w = prepareWaterfall({ cost_usd: "1", most_expensive_call_id: "a", calls: [call("a", 0, 1000, "1"), call("b", 1000, 0, "0")] });
    expect(w.rows[1].leftPct + w.rows[1].widthPct).toBeLessThanOrEqual(100);
    expect(w.rows[1].widthPct).toBe(MIN_BAR_PCT);
  });

  it("answers an empty waterfall for a run without calls", () => {
    expect(prepareWaterfall({ cost_usd: "0", most_expensive_call_id: null, calls: [] })).toEqual({ rows: [], spanMs: 0, mostExpensiveAnchor: null });
  });
});

describe("helpers", () => {
  it("formats durations and makes safe anchors", () => {
    expect([formatMs(null), formatMs(0), formatMs(850), formatMs(2400), formatMs(12_345)]).toEqual(["–", "0 ms", "850 ms", "2.40 s", "12.3 s"]);
    expect(callAnchor("run 1/a")).toBe("call-run_1_a");
  });
});
