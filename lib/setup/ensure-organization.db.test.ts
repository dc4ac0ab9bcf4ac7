import { describe, expect, it } from "vitest";
import { resolveOrgContext } from "@/lib/auth/org-context";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { generateApiKey } from "@/lib/api-keys/key-material";
import { uniqueEmail } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { ensureInitialOrganization, readInitialOrganizationEnv } from "./start-up-organizations";

withTestDatabase();

function initEnv(overrides: Record<string, string> = {}) {
  return {
    MARGINAL_INIT_ORG: `Headless ${Math.random().toString(36).slice(2, 8)}`,
    MARGINAL_INIT_USER_EMAIL: uniqueEmail("ops"),
    MARGINAL_INIT_USER_PASSWORD: "initial password",
    MARGINAL_INIT_API_KEY: generateApiKey(),
    ...overrides,
  } as Record<string, string>;
}

describe("headless start", () => {
  it("creates the organization, its owner and the exact key with every scope", async () => {
    const env = initEnv();
    const result = await ensureInitialOrganization(env);
    expect(result?.created.length).toBeGreaterThanOrEqual(3);
    const ctx = await resolveOrgContext({ bearer: env.MARGINAL_INIT_API_KEY });
    expect(ctx.orgName).toBe(env.MARGINAL_INIT_ORG);
    expect(ctx.scopes.sort()).toEqual(["ingest", "manage", "read"]);
    const user = await db.user.findUniqueOrThrow({ where: { email: env.MARGINAL_INIT_USER_EMAIL } });
    expect((await resolveOrgContext({ userId: user.id, orgSlug: ctx.orgSlug })).role).toBe("OWNER");
  });

  it("is idempotent", async () => {
    const env = initEnv();
    await ensureInitialOrganization(env);
    const counts = async () => [await db.organization.count(), await db.user.count(), await db.apiKey.count(), await db.membership.count(), await db.auditLog.count()];
    const before = await counts();
    const again = await ensureInitialOrganization(env);
    expect(again?.created).toEqual([]);
    expect(again?.warnings).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it("never changes an existing person's password, and says so", async () => {
    const env = initEnv();
    await ensureInitialOrganization(env);
    const second = await ensureInitialOrganization({ ...env, MARGINAL_INIT_USER_PASSWORD: "a different password" });
    expect(second?.warnings.join(" ")).toMatch(/different password/);
    const user = await db.user.findUniqueOrThrow({ where: { email: env.MARGINAL_INIT_USER_EMAIL } });
    expect(await verifyPassword("initial password", user.passwordHash!)).toBe(true);
  });

  it("refuses a key that belongs to another organization", async () => {
    const env = initEnv();
    await ensureInitialOrganization(env);
    await expect(ensureInitialOrganization(initEnv({ MARGINAL_INIT_API_KEY: env.MARGINAL_INIT_API_KEY! }))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("does nothing without the variables and names the missing ones", () => {
    expect(readInitialOrganizationEnv({})).toBeNull();
    expect(() => readInitialOrganizationEnv({ MARGINAL_INIT_ORG: "x" })).toThrow(/MARGINAL_INIT_USER_EMAIL, MARGINAL_INIT_USER_PASSWORD/);
  });
});
