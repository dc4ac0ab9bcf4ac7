import { describe, expect, it } from "vitest";
import { compareAmounts, rankTopRows } from "./compare-periods";

describe("compareAmounts", () => {
  it("gives the exact difference and the ratio", () => {
    expect(compareAmounts("12.5", "10")).toEqual({ amountUsd: "2.5000000000", ratio: 0.25, direction: "up" });
    expect(compareAmounts("5", "10")).toEqual({ amountUsd: "-5.0000000000", ratio: -0.5, direction: "down" });
    expect(compareAmounts("3", "3.0000000000")).toEqual({ amountUsd: "0.0000000000", ratio: 0, direction: "flat" });
  });

  it("has no ratio against zero", () => {
    expect(compareAmounts("1", "0")).toEqual({ amountUsd: "1.0000000000", ratio: null, direction: "up" });
  });
});

describe("rankTopRows", () => {
  it("keeps the most expensive, with share and change against the previous period", () => {
    const current = [
      { name: "search", cost_usd: "1.0000000000", events: 4 },
      { name: "chat", cost_usd: "3.0000000000", events: 2 },
      { name: "(untagged)", cost_usd: "1.0000000000", events: 1 },
    ];
    const rows = rankTopRows(current, [{ name: "chat", cost_usd: "2.0000000000" }], "5.0000000000", 2);
    expect(rows.map((r) => r.name)).toEqual(["chat", "(untagged)"]);
    expect(rows[0]).toMatchObject({ costUsd: "3.0000000000", share: 0.6, events: 2, previousUsd: "2.0000000000", change: { ratio: 0.5, direction: "up" } });
    expect(rows[1]).toMatchObject({ previousUsd: "0.0000000000", change: { ratio: null, amountUsd: "1.0000000000" } });
  });

  it("has no share when the total is zero", () => {
    expect(rankTopRows([{ name: "a", cost_usd: "0", events: 1 }], [], "0")[0].share).toBeNull();
  });
});
