import { describe, expect, it } from "vitest";
import { changePct, compareWorkflows } from "./compare-workflows";

const W = "2026-11-16";
const P = "2026-11-09";

describe("compareWorkflows", () => {
  it("ranks the week's five most expensive workflows with last week's cost and the change", () => {
    const rows = [
      { weekStart: W, workflow: "a", costUsd: "10.0000000000" },
      { weekStart: P, workflow: "a", costUsd: "8.0000000000" },
      { weekStart: W, workflow: "b", costUsd: "30" },
      { weekStart: P, workflow: "b", costUsd: "40" },
      { weekStart: W, workflow: "c", costUsd: "5" },
      { weekStart: W, workflow: "d", costUsd: "4" },
      { weekStart: W, workflow: "e", costUsd: "3" },
      { weekStart: W, workflow: "f", costUsd: "2" },
      { weekStart: W, workflow: "(untagged)", costUsd: "100" },
      { weekStart: P, workflow: "(untagged)", costUsd: "1" },
      { weekStart: P, workflow: "gone", costUsd: "7" },
    ];
    const result = compareWorkflows(rows, W, P);
    expect(result.top.map((r) => r.workflow)).toEqual(["b", "a", "c", "d", "e"]);
    expect(result.top[0]).toEqual({ workflow: "b", cost_usd: "30.0000000000", previous_cost_usd: "40.0000000000", change_usd: "-10.0000000000", change_pct: -25, is_new: false });
    expect(result.top[1]).toMatchObject({ change_usd: "2.0000000000", change_pct: 25, is_new: false });
    expect(result.top[2]).toMatchObject({ previous_cost_usd: "0.0000000000", change_pct: null, is_new: true });
    // totals count calls outside workflows and workflows that left the top
    expect(result.total_usd).toBe("154.0000000000");
    expect(result.previous_total_usd).toBe("56.0000000000");
    expect(result.change_pct).toBe(175);
  });

  it("breaks ties by name and answers an empty week", () => {
    expect(compareWorkflows([{ weekStart: W, workflow: "z", costUsd: "1" }, { weekStart: W, workflow: "y", costUsd: "1" }], W, P).top.map((r) => r.workflow)).toEqual(["y", "z"]);
    expect(compareWorkflows([], W, P)).toEqual({ total_usd: "0.0000000000", previous_total_usd: "0.0000000000", change_usd: "0.0000000000", change_pct: null, top: [] });
  });
});

describe("changePct", () => {
  it("is exact to a hundredth of a percent", () => {
    expect(changePct(BigInt(3), BigInt(3))).toBe(0);
    expect(changePct(BigInt(2), BigInt(3))).toBe(-33.33);
    expect(changePct(BigInt(1), BigInt(0))).toBeNull();
  });
});
