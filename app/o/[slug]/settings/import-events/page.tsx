import type { Metadata } from "next";
import Link from "next/link";
import { EventsFieldGuide } from "@/components/imports/events-field-guide";
import { ImportEventsWizard } from "@/components/imports/import-events-wizard";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/org-context";
import { getPageContext } from "@/lib/http/page-context";
import { buildEventsCsvTemplate } from "@/lib/imports/event-csv-template";

export const metadata: Metadata = { title: "Import events" };

const roleLabel: Record<string, string> = { OWNER: "an owner", ADMIN: "an admin", FINANCE: "finance", ENGINEER: "an engineer", VIEWER: "a viewer" };

/** SPEC 2.5: a CSV upload of events, checked in a dry run first, stored only on confirmation. */
export default async function ImportEventsPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await getPageContext((await params).slug);
  const base = `/o/${ctx.orgSlug}`;
  if (!can(ctx, "ingest")) {
    return (
      <>
        <PageHeader title="Import events" />
        <Card>
          <EmptyState
            title="Importing events needs the engineer, finance, admin or owner role"
            action={
              <Link href={base} className="text-sm font-medium text-accent-600 hover:underline">
                Back to the overview
              </Link>
            }
          >
            You are {roleLabel[ctx.role ?? ""] ?? "a member"} in {ctx.orgName}: you can read everything, but not add data. Ask an admin to change your role, or send
            the file to someone who can import it.
          </EmptyState>
        </Card>
      </>
    );
  }
  const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(buildEventsCsvTemplate())}`;
  return (
    <>
      <PageHeader
        title="Import events"
        description={
          <>
            Upload past AI calls as a CSV file, one row per call, with the same fields as the events API. Every row is checked first; nothing is stored until you confirm,
            and an event id that is already stored is never stored twice. To send files from a script, use{" "}
            <code className="font-mono text-xs">POST /api/v1/imports/events</code> with an API key.
          </>
        }
      />
      <div className="space-y-6">
        <ImportEventsWizard orgSlug={ctx.orgSlug} timeZone={ctx.timeZone} templateHref={templateHref} />
        <Card title="Columns the file can have" description="Header names are matched ignoring case, spaces, underscores and dashes. Other columns are ignored.">
          <details className="group">
            <summary className="cursor-pointer text-sm font-medium text-accent-600 hover:underline">Show the column reference</summary>
            <div className="mt-4">
              <EventsFieldGuide />
            </div>
          </details>
        </Card>
      </div>
    </>
  );
}
