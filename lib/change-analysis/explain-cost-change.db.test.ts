import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getChange } from "@/app/api/v1/costs/change/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { Prisma } from "@/lib/db";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";

withTestDatabase();

const event = (timestamp: string, model: string, tokens: number, cost: string, feature = "search") => ({
  id: `e-${randomBytes(6).toString("hex")}`,
  timestamp,
  provider: "openai",
  model,
  usage: { input_tokens: tokens, output_tokens: 0 },
  cost_usd: cost,
  feature,
});

describe("GET /api/v1/costs/change", () => {
  it("splits a feature's change into effects that add up to it, from the roll-ups", async () => {
    const owner = await createOrgWithOwner();
    const key = (await createApiKey(owner, { name: "k", scopes: ["ingest", "read"] })).secret;
    await callRoute(postEvents, {
      key,
      body: { events: [
        // September: 1M tokens on cheap ($1), 1M on dear ($10)
        event("2026-09-10T10:00:00Z", "cheap", 1_000_000, "1"),
        event("2026-09-11T10:00:00Z", "dear", 1_000_000, "10"),
        // October: 0.5M cheap, 1.5M dear → pure model mix (+4.5)
        event("2026-10-10T10:00:00Z", "cheap", 500_000, "0.5"),
        event("2026-10-11T10:00:00Z", "dear", 1_500_000, "15"),
        // another feature, filtered out
        event("2026-10-12T10:00:00Z", "dear", 9_000_000, "90", "other"),
      ] },
    });
    const url = "http://localhost/api/v1/costs/change?from=2026-10-01&to=2026-11-01&previous_from=2026-09-01&previous_to=2026-10-01&feature=search";
    const res = await callRoute(getChange, { key, method: "GET", url });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ before: "11", after: "15.5", change: "4.5", volume: "0", modelMix: "4.5", unitPrice: "0" });
    const sum = new Prisma.Decimal(res.json.volume).plus(res.json.modelMix).plus(res.json.unitPrice).toFixed();
    expect(sum).toBe(res.json.change);
  });

  it("names a bad previous bound and keeps organizations apart", async () => {
    const a = await createOrgWithOwner();
    const b = await createOrgWithOwner();
    const ka = (await createApiKey(a, { name: "a", scopes: ["ingest", "read"] })).secret;
    const kb = (await createApiKey(b, { name: "b", scopes: ["read"] })).secret;
    await callRoute(postEvents, { key: ka, body: { events: [event("2026-10-10T10:00:00Z", "cheap", 10, "5")] } });
    const bad = await callRoute(getChange, { key: kb, method: "GET", url: "http://localhost/api/v1/costs/change?from=2026-10-01&to=2026-11-01&previous_from=nope" });
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe("previous_from");
    const other = await callRoute(getChange, { key: kb, method: "GET", url: "http://localhost/api/v1/costs/change?from=2026-10-01&to=2026-11-01" });
    expect(other.json).toMatchObject({ before: "0", after: "0", change: "0" });
  });
});
