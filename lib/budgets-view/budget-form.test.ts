import { describe, expect, it } from "vitest";
import { createBudgetSchema, type BudgetJson } from "@/lib/budgets/schemas";
import { budgetToFormValues, emptyBudgetForm, formValuesToInput, splitFieldErrors } from "./budget-form";

describe("formValuesToInput", () => {
  it("turns a new organization budget into the API's input with the defaults", () => {
    const input = formValuesToInput({ ...emptyBudgetForm(), name: " AI spend ", amount: " 500 " });
    expect(input).toEqual({ name: " AI spend ", scope: { dimension: "org" }, period: "month", amount_usd: "500", yellow_pct: "80", red_pct: "100", workflow_cap_pct: "20", channels: [] });
    expect(createBudgetSchema.parse(input)).toMatchObject({ name: "AI spend", amount_usd: "500", yellow_pct: 80, red_pct: 100, workflow_cap_pct: 20 });
  });

  it("sends a scoped value, empty thresholds as defaults, and channels in order", () => {
    const input = formValuesToInput({
      ...emptyBudgetForm(),
      name: "Agent",
      dimension: "workflow",
      value: "agent",
      amount: "50",
      yellowPct: "",
      workflowCapPct: "0",
      channels: [
        { type: "email", to: " fin@example.test " },
        { type: "webhook", url: "https://hooks.example.test/a", secret: "", hasSecret: true, removeSecret: false },
        { type: "webhook", url: "https://hooks.example.test/b", secret: "s3cret-value", hasSecret: false, removeSecret: false },
        { type: "webhook", url: "https://hooks.example.test/c", secret: "", hasSecret: true, removeSecret: true },
      ],
    });
    expect(input.scope).toEqual({ dimension: "workflow", value: "agent" });
    expect(input.yellow_pct).toBeUndefined();
    expect(input.workflow_cap_pct).toBe("0");
    expect(input.channels).toEqual([
      { type: "email", to: "fin@example.test" },
      { type: "webhook", url: "https://hooks.example.test/a" },
      { type: "webhook", url: "https://hooks.example.test/b", secret: "s3cret-value" },
      { type: "webhook", url: "https://hooks.example.test/c", secret: null },
    ]);
    expect(createBudgetSchema.parse(input)).toMatchObject({ yellow_pct: 80, workflow_cap_pct: 0 });
  });

  it("leaves judging to the schema, whose paths name the form's fields", () => {
    const result = createBudgetSchema.safeParse(formValuesToInput({ ...emptyBudgetForm(), dimension: "feature", amount: "-3", channels: [{ type: "webhook", url: "ftp://x", secret: "", hasSecret: false, removeSecret: false }] }));
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(result.error!.issues.find((i) => i.path.join(".") === "scope.value")?.message).toBe("is required for a feature budget");
    expect(paths).toEqual(expect.arrayContaining(["name", "scope.value", "amount_usd", "channels.0.url"]));
  });
});

describe("budgetToFormValues", () => {
  it("round-trips a budget's settings without its secrets", () => {
    const budget = {
      name: "Agent",
      scope: { dimension: "workflow", value: "agent" },
      period: "week",
      amount_usd: "50",
      yellow_pct: 75,
      red_pct: 100,
      workflow_cap_pct: 0,
      channels: [{ type: "webhook", url: "https://hooks.example.test/a", has_secret: true }],
    } as BudgetJson;
    const values = budgetToFormValues(budget);
    expect(values).toMatchObject({ dimension: "workflow", value: "agent", period: "week", yellowPct: "75", workflowCapPct: "0" });
    expect(values.channels).toEqual([{ type: "webhook", url: "https://hooks.example.test/a", secret: "", hasSecret: true, removeSecret: false }]);
    expect(formValuesToInput(values).channels).toEqual([{ type: "webhook", url: "https://hooks.example.test/a" }]);
  });
});

describe("splitFieldErrors", () => {
  it("puts known paths under their fields and the rest in the summary", () => {
    expect(splitFieldErrors({ name: "is required", scope: "must be an object", "channels.1.to": "must be an email address", "channels.5.url": "x", "(body)": "bad" }, 2)).toEqual({
      byField: { name: "is required", "scope.value": "must be an object", "channels.1.to": "must be an email address" },
      other: ["channels.5.url: x", "(body): bad"],
    });
  });
});
