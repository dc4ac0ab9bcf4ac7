import { describe, expect, it } from "vitest";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { loadDemoData } from "@/prisma/demo/load-demo-data";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { DEMO_RUNAWAY_WORKFLOW, ensureDemoBudgets } from "./demo-budgets";
import { listBudgets } from "./list-budgets";

withTestDatabase();

describe("ensureDemoBudgets", () => {
  it("gives the demo data one budget of each colour and the runaway agent as a red workflow cap, once", async () => {
    const ctx = await createOrgWithOwner("Demo Budgets");
    const now = new Date("2026-11-20T12:00:00Z");
    // 30 days: the incident falls 12 days before now, inside this month and quarter.
    await loadDemoData(ctx, { now, days: 30, seed: 7, events: 6_000 });
    expect(await ensureDemoBudgets(ctx, now)).toBe(4);
    const budgets = await listBudgets(ctx);
    const byName = Object.fromEntries(budgets.map((b) => [b.name, b]));
    expect(byName["All AI spend"].level).toBe("green");
    expect(byName["Support chat"].level).toBe("yellow");
    expect(byName["Summarizer"].level).toBe("red");
    const agents = byName["Doc search agents"];
    expect(agents.level).toBe("red");
    expect(agents.reason).toContain(`Workflow "${DEMO_RUNAWAY_WORKFLOW}"`);
    expect(agents.workflows.find((w) => w.workflow === DEMO_RUNAWAY_WORKFLOW)?.over_cap).toBe(true);
    expect((await listAlerts(ctx)).alerts).toHaveLength(3);
    expect(await ensureDemoBudgets(ctx, now)).toBe(0);
  });
});
