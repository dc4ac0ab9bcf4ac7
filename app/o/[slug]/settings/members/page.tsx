import type { Metadata } from "next";
import { InviteMemberForm } from "@/components/settings/invite-member-form";
import { MemberRoleSelect, RemoveMemberButton, RevokeInvitationButton } from "@/components/settings/member-controls";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/org-context";
import { assignableRoles } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format/format-date";
import { getPageContext } from "@/lib/http/page-context";
import { listPendingInvitations } from "@/lib/invitations/list-invitations";
import { listMembers } from "@/lib/members/list-members";

export const metadata: Metadata = { title: "Members" };

const roleHelp = "VIEWER reads everything · ENGINEER also manages API keys and prices · FINANCE also manages budgets, revenue, shadow AI and reports · ADMIN and OWNER manage members and everything else; only an OWNER deletes the organization.";

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await getPageContext((await params).slug);
  const manage = can(ctx, "manage_members");
  const [members, invitations] = await Promise.all([listMembers(ctx), manage ? listPendingInvitations(ctx) : Promise.resolve([])]);
  const roles = manage ? assignableRoles(ctx.role!) : [];
  return (
    <>
      <PageHeader title="Members" description={roleHelp} />
      <div className="space-y-6">
        {manage ? (
          <Card title="Invite someone" description="They get a link to join with this role. It expires in 14 days.">
            <InviteMemberForm orgSlug={ctx.orgSlug} roles={roles} />
          </Card>
        ) : null}
        <Card
          title={`Members (${members.length})`}
          actions={
            <CsvExportButton
              filename={`${ctx.orgSlug}-members.csv`}
              header={["email", "name", "role", "joined_at"]}
              rows={members.map((m) => [m.email, m.name, m.role, m.joinedAt])}
            />
          }
        >
          <Table label="Members">
            <thead>
              <tr>
                <Th>Person</Th>
                <Th>Role</Th>
                <Th>Joined</Th>
                {manage ? <Th /> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((m) => {
                const editable = manage && m.userId !== ctx.userId && roles.includes(m.role);
                return (
                  <tr key={m.userId}>
                    <Td>
                      <span className="block font-medium text-slate-900">{m.name ?? m.email}</span>
                      {m.name ? <span className="block text-xs text-slate-500">{m.email}</span> : null}
                    </Td>
                    <Td>
                      {editable ? <MemberRoleSelect orgSlug={ctx.orgSlug} userId={m.userId} email={m.email} role={m.role} roles={roles} /> : <Badge tone={m.role === "OWNER" ? "accent" : "neutral"}>{m.role}</Badge>}
                      {m.userId === ctx.userId ? <span className="ml-2 text-xs text-slate-400">you</span> : null}
                    </Td>
                    <Td>{formatDateTime(m.joinedAt, ctx.timeZone)}</Td>
                    {manage ? <Td numeric>{editable ? <RemoveMemberButton orgSlug={ctx.orgSlug} userId={m.userId} email={m.email} /> : null}</Td> : null}
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </Card>
        {manage ? (
          <Card
            title="Pending invitations"
            actions={
              <CsvExportButton
                filename={`${ctx.orgSlug}-invitations.csv`}
                header={["email", "role", "invited_at", "expires_at"]}
                rows={invitations.map((i) => [i.email, i.role, i.createdAt, i.expiresAt])}
              />
            }
          >
            {invitations.length === 0 ? (
              <EmptyState title="No pending invitations" />
            ) : (
              <Table label="Pending invitations">
                <thead>
                  <tr>
                    <Th>Email</Th>
                    <Th>Role</Th>
                    <Th>Expires</Th>
                    <Th />
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {invitations.map((i) => (
                    <tr key={i.id}>
                      <Td>{i.email}</Td>
                      <Td>
                        <Badge>{i.role}</Badge>
                      </Td>
                      <Td>{formatDateTime(i.expiresAt, ctx.timeZone)}</Td>
                      <Td numeric>
                        <RevokeInvitationButton orgSlug={ctx.orgSlug} id={i.id} email={i.email} />
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
