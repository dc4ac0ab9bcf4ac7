import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as getOrg } from "@/app/api/v1/org/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";

withTestDatabase();

function call(authorization: string) {
  const req = new NextRequest("http://localhost/api/v1/org", { headers: { authorization } });
  return getOrg(req, { params: Promise.resolve({}) });
}

describe("the API door (withApi)", () => {
  it("answers a key with the scope with its own organization", async () => {
    const owner = await createOrgWithOwner("Door Co");
    const { secret } = await createApiKey(owner, { name: "reader", scopes: ["read"] });
    const res = await call(`Bearer ${secret}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: owner.orgId, name: "Door Co", via: "api_key" });
  });

  it("answers 401 JSON for a wrong-scope, revoked, unknown or malformed key", async () => {
    const owner = await createOrgWithOwner();
    const ingestOnly = await createApiKey(owner, { name: "ingest", scopes: ["ingest"] });
    const revoked = await createApiKey(owner, { name: "revoked", scopes: ["read"] });
    await revokeApiKey(owner, revoked.id);
    for (const header of [`Bearer ${ingestOnly.secret}`, `Bearer ${revoked.secret}`, `Bearer mk_${"z".repeat(40)}`, "Basic dXNlcjpwYXNz"]) {
      const res = await call(header);
      expect(res.status, header).toBe(401);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(typeof (await res.json()).error).toBe("string");
    }
  });
});
