import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { loadDemoData } from "@/prisma/demo/load-demo-data";
import { DEMO_UNKNOWN_WORKSPACE } from "./demo-shadow-ai-files";
import { ensureDemoShadowAi } from "./demo-shadow-ai";
import { FINDING_KINDS } from "./run-audit";
import { listFindings } from "./findings";
import { summarizeGovernance } from "./summarize-governance";

withTestDatabase();

async function counts(orgId: string) {
  const where = { orgId };
  return {
    imports: await db.importBatch.count({ where }),
    expenses: await db.expenseTransaction.count({ where }),
    subscriptions: await db.saasSubscription.count({ where }),
    billed: await db.billedCost.count({ where }),
    sanctioned: await db.sanctionedTool.count({ where }),
    audit: await db.auditLog.count({ where }),
  };
}

describe("ensureDemoShadowAi", () => {
  it("gives the demo organization findings of every kind from its own tracked cost, and a second run changes nothing", async () => {
    const ctx = await createOrgWithOwner("Demo Shadow AI");
    // Two months of demo events ending now, at a lower volume than the real demo.
    const now = new Date();
    await loadDemoData(ctx, { now, days: 62, events: 8_000, seed: 5 });

    const result = await ensureDemoShadowAi(ctx);
    expect(result).not.toBeNull();
    expect(result!.sanctioned).toBe(4);
    expect(result!.files.every((f) => f.accepted > 0)).toBe(true);

    const findings = await listFindings(ctx);
    expect(new Set(findings.map((f) => f.kind))).toEqual(new Set(FINDING_KINDS));
    const keys = new Set(findings.map((f) => f.key));
    const today = now.toISOString().slice(0, 7);
    const [year, month] = today.split("-").map(Number);
    const lastFull = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
    expect(keys).toContain(`unattributed_api_spend:openai:${lastFull}`);
    expect(keys).not.toContain(`unattributed_api_spend:openai:${today}`);
    expect([...keys].some((k) => k.startsWith("unattributed_api_spend:anthropic"))).toBe(false);
    expect(keys).toContain(`unknown_key_or_project:anthropic:project:${DEMO_UNKNOWN_WORKSPACE}`);
    for (const key of ["unsanctioned_tool:midjourney", "unsanctioned_tool:cursor", "unsanctioned_tool:grammarly", "duplicate_spend:github-copilot", "duplicate_spend:cursor", "duplicate_spend:openai-chatgpt", "duplicate_spend:midjourney"]) {
      expect(keys).toContain(key);
    }
    // Sanctioned tools bought centrally are inside governance.
    expect(keys).not.toContain("unsanctioned_tool:openai-chatgpt-business");
    expect(keys).not.toContain("unsanctioned_tool:github-copilot");

    const summary = await summarizeGovernance(ctx);
    const last = summary.find((m) => m.month === lastFull)!;
    expect(Number(last.sanctioned_usd)).toBeGreaterThan(0);
    expect(Number(last.unsanctioned_usd)).toBeGreaterThan(0);
    expect(Number(last.subscriptions_usd)).toBeGreaterThan(0);
    expect(Number(last.unattributed_api_usd)).toBeGreaterThan(300);

    const before = await counts(ctx.orgId);
    const findingsBefore = await listFindings(ctx);
    expect(await ensureDemoShadowAi(ctx)).toBeNull();
    expect(await counts(ctx.orgId)).toEqual(before);
    expect(await listFindings(ctx)).toEqual(findingsBefore);
  });

  it("leaves an organization that already has imports or sanctioned tools alone", async () => {
    const ctx = await createOrgWithOwner();
    await db.sanctionedTool.create({ data: { orgId: ctx.orgId, vendorId: "midjourney" } });
    expect(await ensureDemoShadowAi(ctx)).toBeNull();
    expect(await db.importBatch.count({ where: { orgId: ctx.orgId } })).toBe(0);
  });
});
