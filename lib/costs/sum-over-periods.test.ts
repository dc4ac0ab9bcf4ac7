import { describe, expect, it } from "vitest";
import type { CostRow } from "./query-costs";
import { sumOverPeriods } from "./sum-over-periods";

const row = (period: string, feature: string, model: string, cost_usd: string, events: number): CostRow => ({
  period,
  feature,
  model,
  cost_usd,
  events,
  input_tokens: events * 10,
  output_tokens: events,
  cached_input_tokens: 0,
  reasoning_tokens: 0,
  unpriced_events: 0,
});

describe("sumOverPeriods", () => {
  it("sums each combination of values over its periods, exactly", () => {
    const rows = [
      row("2026-10-01T00:00:00-04:00", "chat", "gpt-4o", "0.1000000001", 1),
      row("2026-10-01T00:00:00-04:00", "search", "gpt-4o", "5", 2),
      row("2026-11-01T00:00:00-04:00", "chat", "gpt-4o", "0.2000000002", 3),
      row("2026-11-01T00:00:00-04:00", "chat", "o3", "1", 1),
    ];
    expect(sumOverPeriods(rows, ["feature"])).toEqual([
      expect.objectContaining({ feature: "chat", cost_usd: "1.3000000003", events: 5, input_tokens: 50, output_tokens: 5 }),
      expect.objectContaining({ feature: "search", cost_usd: "5.0000000000", events: 2 }),
    ]);
    expect(sumOverPeriods(rows, ["feature", "model"])).toHaveLength(3);
    expect(sumOverPeriods(rows, ["feature"])[0]).not.toHaveProperty("period");
    expect(sumOverPeriods(rows, [])).toEqual([expect.objectContaining({ cost_usd: "6.3000000003", events: 7 })]);
  });
});
