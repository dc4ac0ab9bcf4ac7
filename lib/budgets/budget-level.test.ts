import { describe, expect, it } from "vitest";
import { budgetLevel, type BudgetLevelInput } from "./budget-level";

// $1,000 budget, yellow at 80% ($800), red at 100% ($1,000), workflow cap 20% ($200).
const base: BudgetLevelInput = { spendUsd: "0", forecastUsd: null, amountUsd: "1000", yellowPct: 80, redPct: 100, workflowCapPct: 20, topWorkflow: null };
const level = (over: Partial<BudgetLevelInput>) => budgetLevel({ ...base, ...over });

describe("budgetLevel (SPEC 5)", () => {
  it("turns yellow exactly at the yellow threshold and red exactly at the red threshold", () => {
    expect(level({ spendUsd: "799.9999999999" })).toMatchObject({ level: "green", rule: "under" });
    expect(level({ spendUsd: "800" })).toMatchObject({ level: "yellow", rule: "yellow_threshold" });
    expect(level({ spendUsd: "999.9999999999" })).toMatchObject({ level: "yellow", rule: "yellow_threshold" });
    expect(level({ spendUsd: "1000" })).toMatchObject({ level: "red", rule: "red_threshold" });
    expect(level({ spendUsd: "1000.0000000001" })).toMatchObject({ level: "red", rule: "red_threshold" });
  });

  it("turns red when one workflow is over the cap, even while the total is low, and not at the cap", () => {
    expect(level({ spendUsd: "300", topWorkflow: { workflow: "agent", spendUsd: "200" } })).toMatchObject({ level: "green" });
    const over = level({ spendUsd: "300", topWorkflow: { workflow: "agent", spendUsd: "200.0000000001" } });
    expect(over).toMatchObject({ level: "red", rule: "workflow_cap" });
    expect(over.reason).toContain('Workflow "agent"');
    expect(over.reason).toContain("$200.00");
  });

  it("never applies a cap of 0 (off)", () => {
    expect(level({ spendUsd: "950", workflowCapPct: 0, topWorkflow: { workflow: "agent", spendUsd: "950" } })).toMatchObject({ level: "yellow", rule: "yellow_threshold" });
    expect(level({ spendUsd: "500", workflowCapPct: 0, topWorkflow: { workflow: "agent", spendUsd: "500" } })).toMatchObject({ level: "green" });
  });

  it("turns yellow when the forecast is over the amount (strictly), and ignores a missing forecast", () => {
    expect(level({ spendUsd: "100", forecastUsd: "1000" })).toMatchObject({ level: "green" });
    const over = level({ spendUsd: "100", forecastUsd: "1000.0000000001" });
    expect(over).toMatchObject({ level: "yellow", rule: "forecast" });
    expect(over.reason).toContain("Forecast");
    expect(level({ spendUsd: "100", forecastUsd: null })).toMatchObject({ level: "green", rule: "under" });
  });

  it("names the strongest rule when several hold: red threshold, then cap, then yellow, then forecast", () => {
    const top = { workflow: "agent", spendUsd: "900" };
    expect(level({ spendUsd: "1000", forecastUsd: "5000", topWorkflow: top }).rule).toBe("red_threshold");
    expect(level({ spendUsd: "900", forecastUsd: "5000", topWorkflow: top }).rule).toBe("workflow_cap");
    expect(level({ spendUsd: "850", forecastUsd: "5000" }).rule).toBe("yellow_threshold");
  });

  it("follows custom thresholds, also fractional ones and a red threshold above the amount", () => {
    const custom = { yellowPct: 50.5, redPct: 120, workflowCapPct: 10 };
    expect(level({ ...custom, spendUsd: "504.9999999999" }).level).toBe("green");
    expect(level({ ...custom, spendUsd: "505" }).level).toBe("yellow");
    expect(level({ ...custom, spendUsd: "1100" }).level).toBe("yellow");
    expect(level({ ...custom, spendUsd: "1200" }).level).toBe("red");
    expect(level({ ...custom, spendUsd: "10", topWorkflow: { workflow: "w", spendUsd: "100.01" } }).level).toBe("red");
  });

  it("explains the level in words with the amounts", () => {
    expect(level({ spendUsd: "850" }).reason).toBe("Spend $850.00 is 85% of the $1,000 budget (yellow at 80%)");
    expect(level({ spendUsd: "250", forecastUsd: "600" }).reason).toBe("Spend $250.00 is 25% of the $1,000 budget; forecast $600.00");
  });
});
