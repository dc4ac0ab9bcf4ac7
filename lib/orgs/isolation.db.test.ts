import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { resolveOrgContext, type OrgContext } from "@/lib/auth/org-context";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { listMembers } from "@/lib/members/list-members";
import { removeMember } from "@/lib/members/remove-member";
import { addMember, createOrgWithOwner, uniqueEmail } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";

withTestDatabase();

describe("Data Security and Isolation", () => {
  let a: OrgContext;
  let b: OrgContext;
  let bMember: OrgContext;
  let bKeyId: string;
  let bInvitationId: string;

  beforeAll(async () => {
    a = await createOrgWithOwner("Org A");
    b = await createOrgWithOwner("Org B");
    bMember = await addMember(b, "VIEWER");
    bKeyId = (await createApiKey(b, { name: "b key", scopes: ["read"] })).id;
    bInvitationId = (await createInvitation(b, { email: uniqueEmail(), role: "VIEWER" }, { baseUrl: "http://x" })).id;
    await createApiKey(a, { name: "a key", scopes: ["read"] });
  });

  it("does not resolve a member of A into B", async () => {
    await expect(resolveOrgContext({ userId: a.userId, orgSlug: b.orgSlug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("resolves a key of B only into B", async () => {
    const { secret } = await createApiKey(b, { name: "b reader", scopes: ["read"] });
    expect((await resolveOrgContext({ bearer: secret, orgSlug: a.orgSlug })).orgId).toBe(b.orgId);
  });

  it("lists only A's keys, members and audit rows to A", async () => {
    expect((await listApiKeys(a)).map((k) => k.name)).toEqual(["a key"]);
    expect((await listMembers(a)).map((m) => m.userId)).toEqual([a.userId]);
    const audit = await listAuditLog(a);
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((row) => row.targetId !== bKeyId)).toBe(true);
  });

  it("answers B's resources as not found to A (404, never 403)", async () => {
    await expect(revokeApiKey(a, bKeyId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(changeMemberRole(a, { userId: bMember.userId!, role: "ADMIN" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeMember(a, bMember.userId!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeInvitation(a, bInvitationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listApiKeys(b)).find((k) => k.id === bKeyId)?.revokedAt).toBeNull();
  });
});
