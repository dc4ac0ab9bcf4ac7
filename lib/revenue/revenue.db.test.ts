import { describe, expect, it } from "vitest";
import { GET as getRevenue, POST as postRevenue } from "@/app/api/v1/revenue/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";

withTestDatabase();

describe("POST /api/v1/revenue", () => {
  it("stores revenue, replaces the same month, feature and customer, and names bad fields", async () => {
    const org = await createOrgWithOwner();
    const key = (await createApiKey(org, { name: "i", scopes: ["ingest", "read"] })).secret;
    const first = await callRoute(postRevenue, {
      key,
      body: { revenue: [
        { month: "2026-10", feature: "search", amount_usd: "1000.50" },
        { month: "2026-10", feature: "search", customer: "acme", amount_usd: 200 },
        { month: "2026-13", feature: "search", amount_usd: "1" },
      ] },
    });
    expect(first.status).toBe(207);
    expect(first.json.errors[0].message).toContain("month");
    await callRoute(postRevenue, { key, body: { revenue: [{ month: "2026-10", feature: "search", amount_usd: "1200" }] } });
    const listed = await callRoute(getRevenue, { key, method: "GET" });
    expect(listed.json.revenue).toEqual([
      { month: "2026-10", feature: "search", customer: null, amount_usd: "1200" },
      { month: "2026-10", feature: "search", customer: "acme", amount_usd: "200" },
    ]);
  });

  it("keeps two organizations' revenue apart", async () => {
    const a = await createOrgWithOwner();
    const b = await createOrgWithOwner();
    const ka = (await createApiKey(a, { name: "a", scopes: ["ingest", "read"] })).secret;
    const kb = (await createApiKey(b, { name: "b", scopes: ["read"] })).secret;
    await callRoute(postRevenue, { key: ka, body: { revenue: [{ month: "2026-09", feature: "chat", amount_usd: "5" }] } });
    expect((await callRoute(getRevenue, { key: kb, method: "GET" })).json.revenue).toEqual([]);
    expect((await callRoute(postRevenue, { key: kb, body: { revenue: [{ month: "2026-09", feature: "chat", amount_usd: "5" }] } })).status).toBe(401);
  });
});
