import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { decomposeCostChange } from "./decompose-cost-change";

const sum = (...values: string[]) => values.reduce((s, v) => s.plus(v), new Prisma.Decimal(0)).toFixed();

describe("decomposeCostChange", () => {
  it("puts pure growth in volume", () => {
    // same model at $2 per 1M tokens: 1M → 3M tokens, $2 → $6
    const d = decomposeCostChange([{ model: "a", tokens: 1_000_000, costUsd: "2" }], [{ model: "a", tokens: 3_000_000, costUsd: "6" }]);
    expect(d).toMatchObject({ change: "4", volume: "4", modelMix: "0", unitPrice: "0" });
  });

  it("puts a price cut in unit price", () => {
    // 1M tokens both times; the price falls from $2 to $1.5 per 1M
    const d = decomposeCostChange([{ model: "a", tokens: 1_000_000, costUsd: "2" }], [{ model: "a", tokens: 1_000_000, costUsd: "1.5" }]);
    expect(d).toMatchObject({ change: "-0.5", volume: "0", modelMix: "0", unitPrice: "-0.5" });
  });

  it("puts a shift to a dearer model in model mix", () => {
    // before: 1M on cheap ($1/M) + 1M on dear ($10/M) = $11; after: 0.5M cheap + 1.5M dear = 0.5 + 15 = $15.5
    // volume: ΔT = 0 → 0. mix: T₁ × Σ (s₁ − s₀) × p₀ = 2M × ((0.25 − 0.5) × 1e-6 + (0.75 − 0.5) × 1e-5) = 2M × (−2.5e-7 + 2.5e-6) = 4.5
    const d = decomposeCostChange(
      [{ model: "cheap", tokens: 1_000_000, costUsd: "1" }, { model: "dear", tokens: 1_000_000, costUsd: "10" }],
      [{ model: "cheap", tokens: 500_000, costUsd: "0.5" }, { model: "dear", tokens: 1_500_000, costUsd: "15" }],
    );
    expect(d).toMatchObject({ before: "11", after: "15.5", change: "4.5", volume: "0", modelMix: "4.5", unitPrice: "0" });
  });

  it("adds up to the change exactly with all three at once, new and dropped models included", () => {
    const d = decomposeCostChange(
      [{ model: "a", tokens: 1_234_567, costUsd: "3.3333333333" }, { model: "b", tokens: 7, costUsd: "0.0000000001" }],
      [{ model: "a", tokens: 2_000_001, costUsd: "4.1" }, { model: "c", tokens: 999_999, costUsd: "12.0000000007" }],
    );
    expect(sum(d.volume, d.modelMix, d.unitPrice)).toBe(d.change);
    expect(d.change).toBe(sum(d.after, `-${d.before}`));
    // c is new: valued at its own price, so all of its cost is volume or mix, none price
    expect(d.models.map((m) => m.model)).toEqual(["a", "b", "c"]);
  });

  it("counts everything as volume when there was nothing before", () => {
    const d = decomposeCostChange([], [{ model: "a", tokens: 10, costUsd: "0.01" }]);
    expect(d).toMatchObject({ change: "0.01", volume: "0.01", modelMix: "0", unitPrice: "0" });
  });
});
