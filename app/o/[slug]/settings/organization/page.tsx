import type { Metadata } from "next";
import { DeleteOrganizationForm, LeaveOrganizationButton, OrganizationDetailsForm } from "@/components/settings/organization-forms";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/org-context";
import { getPageContext } from "@/lib/http/page-context";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await getPageContext((await params).slug);
  const timeZones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((tz) => tz !== "UTC")];
  return (
    <>
      <PageHeader title="Organization" description="Amounts are in USD." />
      <div className="space-y-6">
        <Card title="Details">
          <OrganizationDetailsForm orgSlug={ctx.orgSlug} name={ctx.orgName} timeZone={ctx.timeZone} timeZones={timeZones} editable={can(ctx, "manage_org")} />
        </Card>
        <Card title="Leave" description="You lose access to this organization's data. Someone can invite you again.">
          <LeaveOrganizationButton orgSlug={ctx.orgSlug} orgName={ctx.orgName} />
        </Card>
        {can(ctx, "delete_org") ? (
          <Card title="Delete organization" description="Deletes every event, budget, key and member of this organization. This cannot be undone.">
            <DeleteOrganizationForm orgSlug={ctx.orgSlug} orgName={ctx.orgName} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
