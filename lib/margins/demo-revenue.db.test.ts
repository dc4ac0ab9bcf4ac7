import { describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { recordRevenue } from "@/lib/revenue/record-revenue";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { computeMargins } from "./compute-margins";
import { ensureDemoRevenue } from "./demo-revenue";

withTestDatabase();

const NOW = new Date("2026-11-20T12:00:00Z");

describe("ensureDemoRevenue", () => {
  it("sizes revenue from each feature's monthly cost into the demo's margin profiles, once", async () => {
    const ctx = await createOrgWithOwner();
    const key = (await createApiKey(ctx, { name: "i", scopes: ["ingest"] })).secret;
    const events = ["2026-08-10", "2026-09-10", "2026-10-10", "2026-11-10"].flatMap((day, i) => [
      { feature: "support-chat", cost_usd: "6" },
      { feature: "doc-search", cost_usd: "15" },
      { feature: "summarizer", cost_usd: String(68 + i) },
      { feature: "code-review", cost_usd: "4" },
    ].map((e, j) => ({ id: `d-${i}-${j}`, timestamp: `${day}T12:00:00Z`, provider: "openai", model: "gpt-4o", usage: { input_tokens: 1, output_tokens: 1 }, ...e })));
    expect((await callRoute(postEvents, { key, body: { events } })).json).toMatchObject({ rejected: 0 });
    // Customer rows from the demo data are scaled, keeping their proportions.
    await recordRevenue(ctx, [
      { month: "2026-10", feature: "support-chat", customer: "acme", amount_usd: "30" },
      { month: "2026-10", feature: "support-chat", customer: "globex", amount_usd: "10" },
    ]);

    expect(await ensureDemoRevenue(ctx, NOW)).toBe(13);
    expect(await ensureDemoRevenue(ctx, NOW)).toBe(0);

    const october = await computeMargins(ctx, "2026-10");
    const byFeature = Object.fromEntries(october.features.map((f) => [f.feature, f]));
    // 6 ÷ 6% = 100; 15 ÷ 15% = 100; 70 ÷ 68% = 102.94.
    expect(byFeature["support-chat"]).toMatchObject({ revenue_usd: "100.0000000000", gross_margin_pct: "94.00", flags: [] });
    expect(byFeature["doc-search"]).toMatchObject({ revenue_usd: "100.0000000000", flags: ["inference_above_10pct_of_gross_margin"] });
    expect(byFeature.summarizer).toMatchObject({ revenue_usd: "102.9400000000", flags: ["inference_share_above_benchmark", "inference_above_10pct_of_gross_margin"] });
    expect(byFeature["code-review"].flags).toEqual(["no_revenue"]);
    const customers = await db.revenue.findMany({ where: { orgId: ctx.orgId, feature: "support-chat", month: new Date("2026-10-01T00:00:00Z") }, orderBy: { customer: "asc" } });
    expect(customers.map((c) => [c.customer, c.amountUsd.toFixed(2)])).toEqual([["acme", "75.00"], ["globex", "25.00"]]);
  });
});
