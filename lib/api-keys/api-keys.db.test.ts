import { describe, expect, it } from "vitest";
import { authorizeOrThrow, resolveOrgContext } from "@/lib/auth/org-context";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { addMember, createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { createApiKey } from "./create-api-key";
import { hashApiKey } from "./key-material";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";

withTestDatabase();

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return undefined;
}

describe("API keys", () => {
  it("stores only the hash and a visible prefix, and shows the secret once", async () => {
    const owner = await createOrgWithOwner();
    const created = await createApiKey(owner, { name: "checkout", scopes: ["ingest", "read"] });
    const stored = await db.apiKey.findUniqueOrThrow({ where: { orgId_id: { orgId: owner.orgId, id: created.id } } });
    expect(stored.keyHash).toBe(hashApiKey(created.secret));
    expect(stored.prefix).toBe(created.secret.slice(0, 11));
    expect(JSON.stringify(stored)).not.toContain(created.secret);
    const listed = await listApiKeys(owner);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
  });

  it("turns a key into its organization's context and records when it was last used", async () => {
    const owner = await createOrgWithOwner();
    const { secret, id } = await createApiKey(owner, { name: "reader", scopes: ["read"] });
    const ctx = await resolveOrgContext({ bearer: secret });
    expect(ctx).toMatchObject({ orgId: owner.orgId, apiKeyId: id, role: null, userId: null, scopes: ["read"] });
    const stored = await db.apiKey.findUniqueOrThrow({ where: { orgId_id: { orgId: owner.orgId, id } } });
    expect(stored.lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses unknown and revoked keys with UNAUTHORIZED", async () => {
    const owner = await createOrgWithOwner();
    const { secret, id } = await createApiKey(owner, { name: "soon revoked", scopes: ["ingest"] });
    expect(await codeOf(resolveOrgContext({ bearer: "mk_" + "x".repeat(40) }))).toBe("UNAUTHORIZED");
    expect(await codeOf(resolveOrgContext({ bearer: "not-a-key" }))).toBe("UNAUTHORIZED");
    await revokeApiKey(owner, id);
    expect(await codeOf(resolveOrgContext({ bearer: secret }))).toBe("UNAUTHORIZED");
    expect((await listApiKeys(owner))[0].revokedAt).toBeInstanceOf(Date);
  });

  it("answers a key without the needed scope with UNAUTHORIZED (401), not FORBIDDEN", async () => {
    const owner = await createOrgWithOwner();
    const { secret } = await createApiKey(owner, { name: "ingest only", scopes: ["ingest"] });
    const ctx = await resolveOrgContext({ bearer: secret });
    expect(await codeOf(() => authorizeOrThrow(ctx, "ingest"))).toBeUndefined();
    expect(await codeOf(() => authorizeOrThrow(ctx, "read"))).toBe("UNAUTHORIZED");
    expect(await codeOf(() => authorizeOrThrow(ctx, "manage_budgets"))).toBe("UNAUTHORIZED");
  });

  it("lets engineers create keys and refuses viewers and finance", async () => {
    const owner = await createOrgWithOwner();
    const engineer = await addMember(owner, "ENGINEER");
    const viewer = await addMember(owner, "VIEWER");
    const finance = await addMember(owner, "FINANCE");
    expect((await createApiKey(engineer, { name: "eng", scopes: ["ingest"] })).secret).toMatch(/^mk_/);
    expect(await codeOf(createApiKey(viewer, { name: "no", scopes: ["ingest"] }))).toBe("FORBIDDEN");
    expect(await codeOf(createApiKey(finance, { name: "no", scopes: ["ingest"] }))).toBe("FORBIDDEN");
  });

  it("names the bad field when the input is invalid", async () => {
    const owner = await createOrgWithOwner();
    await expect(createApiKey(owner, { name: "", scopes: [] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      issues: expect.arrayContaining([expect.objectContaining({ path: "name" }), expect.objectContaining({ path: "scopes" })]),
    });
  });

  it("audits creation and revocation", async () => {
    const owner = await createOrgWithOwner();
    const { id } = await createApiKey(owner, { name: "audited", scopes: ["read"] });
    await revokeApiKey(owner, id);
    const actions = (await db.auditLog.findMany({ where: { orgId: owner.orgId }, orderBy: { createdAt: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(["api_key.created", "api_key.revoked"]);
  });
});
