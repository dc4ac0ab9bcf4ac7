import { describe, expect, it } from "vitest";
import { scopeSuggestions } from "./scope-suggestions";

describe("scopeSuggestions", () => {
  it("sums each value over periods, dearest first, ties by name, missing as (untagged)", () => {
    const rows = [
      { feature: "chat", cost_usd: "1.0000000001" },
      { feature: "search", cost_usd: "0.5" },
      { feature: "search", cost_usd: "0.5000000002" },
      { feature: "alpha", cost_usd: "1.0000000001" },
      { cost_usd: "0.01" },
    ];
    expect(scopeSuggestions(rows, "feature")).toEqual(["search", "alpha", "chat", "(untagged)"]);
  });
});
