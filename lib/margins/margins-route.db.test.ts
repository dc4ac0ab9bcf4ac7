import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as getMargins } from "@/app/api/v1/margins/route";
import { POST as postRevenue } from "@/app/api/v1/revenue/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { defaultMarginPeriod } from "./margin-period";

withTestDatabase();

async function call(key: string, query: string) {
  return callRoute(getMargins, { key, method: "GET", url: `http://localhost/api/v1/margins${query}` });
}

describe("GET /api/v1/margins", () => {
  it("answers JSON and CSV for a period, the last full month by default, and names a bad parameter", async () => {
    const org = await createOrgWithOwner();
    const keys = await createApiKey(org, { name: "all", scopes: ["ingest", "read"] });
    await callRoute(postRevenue, { key: keys.secret, body: { revenue: [{ month: "2026-08", feature: "=cmd", amount_usd: "10" }, { month: defaultMarginPeriod(new Date(), "UTC"), feature: "chat", amount_usd: "3" }] } });

    const json = await call(keys.secret, "?period=2026-08");
    expect(json.status).toBe(200);
    expect(json.json).toMatchObject({ period: "2026-08", features: [{ feature: "=cmd", revenue_usd: "10.0000000000", gross_margin_pct: "100.00", flags: [] }], total: { revenue_usd: "10.0000000000" } });
    expect((await call(keys.secret, "")).json).toMatchObject({ period: defaultMarginPeriod(new Date(), "UTC"), total: { revenue_usd: "3.0000000000" } });

    const res = await getMargins(new NextRequest("http://localhost/api/v1/margins?period=2026-08&format=csv", { headers: { authorization: `Bearer ${keys.secret}` } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="margins-2026-08.csv"');
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]).toBe("period,feature,revenue_usd,inference_cost_usd,gross_margin_usd,gross_margin_pct,inference_share_of_revenue_pct,cost_per_decision_usd,cost_per_successful_outcome_usd,decisions,successful_outcomes,flags,previous_revenue_usd,previous_inference_cost_usd,previous_gross_margin_usd,previous_gross_margin_pct");
    // A feature named like a formula is neutralized.
    expect(lines[1]).toBe("2026-08,'=cmd,10.0000000000,0.0000000000,10.0000000000,100.00,0.00,,,0,0,,,,,");
    expect(lines[2]).toMatch(/^2026-08,\(total\),10\.0000000000,/);

    const bad = await call(keys.secret, "?period=2026-13");
    expect(bad.status).toBe(400);
    expect(bad.json.issues).toEqual([{ path: "period", message: "must be a month like 2026-10 or a quarter like 2026-Q4" }]);
    expect((await call(keys.secret, "?period=2026-10&format=pdf")).json.issues[0].path).toBe("format");
  });

  it("needs the read scope", async () => {
    const org = await createOrgWithOwner();
    const ingest = (await createApiKey(org, { name: "i", scopes: ["ingest"] })).secret;
    expect((await call(ingest, "?period=2026-10")).status).toBe(401);
  });

  describe("Data Security and Isolation", () => {
    it("answers only the key's organization", async () => {
      const a = await createOrgWithOwner();
      const b = await createOrgWithOwner();
      const ka = (await createApiKey(a, { name: "a", scopes: ["ingest", "read"] })).secret;
      const kb = (await createApiKey(b, { name: "b", scopes: ["read"] })).secret;
      await callRoute(postRevenue, { key: ka, body: { revenue: [{ month: "2026-10", feature: "chat", amount_usd: "10" }] } });
      expect((await call(kb, "?period=2026-10")).json).toMatchObject({ features: [], total: { revenue_usd: "0.0000000000" } });
      expect((await call(ka, "?period=2026-10")).json.features).toHaveLength(1);
    });
  });
});
