import { describe, expect, it } from "vitest";
import { resolveOrgContext } from "@/lib/auth/org-context";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { listPendingInvitations } from "@/lib/invitations/list-invitations";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { signUp } from "@/lib/orgs/sign-up";
import { addMember, createOrgWithOwner, uniqueEmail } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { changeMemberRole } from "./change-member-role";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";

withTestDatabase();

const baseUrl = "http://localhost:3000";
const tokenOf = (link: string) => link.split("/invite/")[1];

describe("invitations", () => {
  it("gives a link that a new person signs up with and joins in the invited role", async () => {
    const owner = await createOrgWithOwner();
    const email = uniqueEmail("invitee");
    const invitation = await createInvitation(owner, { email, role: "FINANCE" }, { baseUrl });
    expect(invitation.link).toMatch(/^http:\/\/localhost:3000\/invite\/[\w-]{20,}$/);
    expect(invitation.emailed).toBe(false);
    const { userId, orgSlug } = await signUp({ email, password: "invited password", inviteToken: tokenOf(invitation.link) });
    expect(orgSlug).toBe(owner.orgSlug);
    expect((await resolveOrgContext({ userId, orgSlug })).role).toBe("FINANCE");
    expect(await listPendingInvitations(owner)).toHaveLength(0);
  });

  it("lets an existing person accept, once, and only with the invited email", async () => {
    const owner = await createOrgWithOwner();
    const email = uniqueEmail("existing");
    const { userId } = await signUp({ email, password: "a long password", organizationName: "Their Own" });
    const { userId: otherId } = await signUp({ email: uniqueEmail("other"), password: "a long password", organizationName: "Other" });
    const { link } = await createInvitation(owner, { email, role: "VIEWER" }, { baseUrl });
    await expect(acceptInvitation({ token: tokenOf(link), userId: otherId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await acceptInvitation({ token: tokenOf(link), userId });
    expect((await resolveOrgContext({ userId, orgSlug: owner.orgSlug })).role).toBe("VIEWER");
    await expect(acceptInvitation({ token: tokenOf(link), userId })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("stops a withdrawn or expired link", async () => {
    const owner = await createOrgWithOwner();
    const email = uniqueEmail("late");
    const withdrawn = await createInvitation(owner, { email, role: "VIEWER" }, { baseUrl });
    await revokeInvitation(owner, withdrawn.id);
    await expect(signUp({ email, password: "a long password", inviteToken: tokenOf(withdrawn.link) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const expired = await createInvitation(owner, { email, role: "VIEWER" }, { baseUrl });
    await db.invitation.update({ where: { orgId_id: { orgId: owner.orgId, id: expired.id } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(signUp({ email, password: "a long password", inviteToken: tokenOf(expired.link) })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses to invite an owner unless you are one, and refuses non-admins", async () => {
    const owner = await createOrgWithOwner();
    const admin = await addMember(owner, "ADMIN");
    const finance = await addMember(owner, "FINANCE");
    await expect(createInvitation(admin, { email: uniqueEmail(), role: "OWNER" }, { baseUrl })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createInvitation(finance, { email: uniqueEmail(), role: "VIEWER" }, { baseUrl })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await createInvitation(admin, { email: uniqueEmail(), role: "ADMIN" }, { baseUrl })).role).toBe("ADMIN");
  });
});

describe("roles and leaving", () => {
  it("changes roles, audited, and keeps one owner", async () => {
    const owner = await createOrgWithOwner();
    const member = await addMember(owner, "VIEWER");
    await changeMemberRole(owner, { userId: member.userId!, role: "ENGINEER" });
    expect((await listMembers(owner)).find((m) => m.userId === member.userId)?.role).toBe("ENGINEER");
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: owner.orgId, action: "member.role_changed" } });
    expect(audit.before).toMatchObject({ role: "VIEWER" });
    expect(audit.after).toMatchObject({ role: "ENGINEER" });
    await expect(removeMember(owner, owner.userId!)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets an admin manage members but not owners", async () => {
    const owner = await createOrgWithOwner();
    const admin = await addMember(owner, "ADMIN");
    const viewer = await addMember(owner, "VIEWER");
    await expect(changeMemberRole(admin, { userId: owner.userId!, role: "VIEWER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember(admin, owner.userId!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await removeMember(admin, viewer.userId!);
    await expect(resolveOrgContext({ userId: viewer.userId, orgSlug: owner.orgSlug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses role changes from members without the right", async () => {
    const owner = await createOrgWithOwner();
    const engineer = await addMember(owner, "ENGINEER");
    const viewer = await addMember(owner, "VIEWER");
    await expect(changeMemberRole(engineer, { userId: viewer.userId!, role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets anyone leave, and an owner leave once another owner exists", async () => {
    const owner = await createOrgWithOwner();
    const viewer = await addMember(owner, "VIEWER");
    await removeMember(viewer, viewer.userId!);
    const second = await addMember(owner, "VIEWER");
    await changeMemberRole(owner, { userId: second.userId!, role: "OWNER" });
    await removeMember(owner, owner.userId!);
    expect((await listMembers(await resolveOrgContext({ userId: second.userId, orgSlug: owner.orgSlug }))).map((m) => m.role)).toEqual(["OWNER"]);
  });
});
