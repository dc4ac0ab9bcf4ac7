import { describe, expect, it } from "vitest";
import { buildAuthOptions } from "@/lib/auth/auth-options";
import { resolveOrgContext } from "@/lib/auth/org-context";
import { db } from "@/lib/db";
import { uniqueEmail } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { signUp } from "./sign-up";

withTestDatabase();

/** Signs in through next-auth's credentials provider, as the sign-in form does. */
async function signInWithPassword(email: string, password: string) {
  const provider = buildAuthOptions().providers.find((p) => p.id === "credentials") as unknown as {
    options: { authorize: (credentials: Record<string, string>) => Promise<{ id: string } | null> };
  };
  return provider.options.authorize({ email, password });
}

describe("sign-up and sign-in", () => {
  it("creates the person and an organization they own", async () => {
    const email = uniqueEmail("founder");
    const { userId, orgSlug } = await signUp({ email, password: "a long password", organizationName: "Acme Analytics" });
    expect(orgSlug).toMatch(/^acme-analytics/);
    const ctx = await resolveOrgContext({ userId, orgSlug });
    expect(ctx.role).toBe("OWNER");
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
  });

  it("signs in with the right password and refuses a wrong one or an unknown email", async () => {
    const email = uniqueEmail("signin");
    const { userId } = await signUp({ email, password: "the right one!", organizationName: "Sign In Co" });
    expect(await signInWithPassword(email, "the right one!")).toMatchObject({ id: userId });
    expect(await signInWithPassword(email.toUpperCase(), "the right one!")).toMatchObject({ id: userId });
    expect(await signInWithPassword(email, "the wrong one!")).toBeNull();
    expect(await signInWithPassword(uniqueEmail("nobody"), "the right one!")).toBeNull();
  });

  it("refuses a second account with the same email, naming the field", async () => {
    const email = uniqueEmail("twice");
    await signUp({ email, password: "a long password", organizationName: "First" });
    await expect(signUp({ email, password: "another password", organizationName: "Second" })).rejects.toMatchObject({
      code: "CONFLICT",
      issues: [expect.objectContaining({ path: "email" })],
    });
  });

  it("names each invalid field and stores nothing", async () => {
    const before = await db.user.count();
    await expect(signUp({ email: "not-an-email", password: "short", organizationName: "" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      issues: expect.arrayContaining([
        expect.objectContaining({ path: "email" }),
        expect.objectContaining({ path: "password" }),
        expect.objectContaining({ path: "organizationName" }),
      ]),
    });
    expect(await db.user.count()).toBe(before);
  });
});
