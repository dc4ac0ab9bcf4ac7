import { describe, expect, it } from "vitest";
import { rankBudgetLights } from "./rank-budget-lights";

const budget = (name: string, level: "green" | "yellow" | "red", spend_usd: string, amount_usd = "100") => ({ name, level, spend_usd, amount_usd });

describe("rankBudgetLights", () => {
  it("puts red first, then yellow, then green; within a level the most used first, then by name", () => {
    const { budgets, counts } = rankBudgetLights([
      budget("a green", "green", "10"),
      budget("b yellow", "yellow", "85"),
      // red through a workflow cap while under its amount
      budget("c red", "red", "40"),
      budget("d red", "red", "120"),
      budget("e green", "green", "10"),
    ]);
    expect(budgets.map((b) => b.name)).toEqual(["d red", "c red", "b yellow", "a green", "e green"]);
    expect(counts).toEqual({ red: 2, yellow: 1, green: 2 });
  });

  it("answers nothing for no budgets", () => {
    expect(rankBudgetLights([])).toEqual({ budgets: [], counts: { red: 0, yellow: 0, green: 0 } });
  });
});
