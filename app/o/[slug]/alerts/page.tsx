import type { Metadata } from "next";
import Link from "next/link";
import { AlertFeed } from "@/components/alerts/alert-feed";
import { AnomaliesCard } from "@/components/overview/anomalies-card";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listAlerts } from "@/lib/alerts/list-alerts";
import type { Anomaly } from "@/lib/anomalies/find-anomalies";
import { loadAnomalies } from "@/lib/anomalies/load-anomalies";
import { can } from "@/lib/auth/org-context";
import { ALERT_FEED_LIMIT } from "@/lib/budgets-view/fetch-budgets-view";
import { readAlertFilter } from "@/lib/budgets-view/prepare-alert-feed";
import { getPageContext } from "@/lib/http/page-context";

export const metadata: Metadata = { title: "Alerts" };

/** SPEC 5: the alert feed (changes of budget level, with delivery status and acknowledgement) and the week's anomalies. */
export default async function AlertsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await getPageContext((await params).slug);
  const filter = readAlertFilter((await searchParams).status);
  const [feed, anomalies] = await Promise.all([
    listAlerts(ctx, { limit: ALERT_FEED_LIMIT, unacknowledged: filter === "open" ? "true" : undefined }),
    // The feed stands on its own: a failure to compute anomalies must not hide the alerts.
    loadAnomalies(ctx, { days: 7 }).catch((error: unknown): Anomaly[] | null => {
      console.error(error);
      return null;
    }),
  ]);
  const base = `/o/${ctx.orgSlug}`;
  return (
    <>
      <PageHeader
        title="Alerts"
        description={
          <>
            Each change of a budget&apos;s level, delivered to its channels and retried for 24 hours ·{" "}
            <Link href={`${base}/budgets`} className="text-accent-700 hover:underline">
              Budgets
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <AlertFeed orgSlug={ctx.orgSlug} timeZone={ctx.timeZone} filter={filter} initialAlerts={feed.alerts} canManage={can(ctx, "manage_budgets")} />
        {anomalies ? (
          <AnomaliesCard anomalies={anomalies} base={base} />
        ) : (
          <Card title="Anomalies">
            <Alert>Anomalies could not be computed just now; the alert feed above is complete. Reload to try again.</Alert>
          </Card>
        )}
      </div>
    </>
  );
}
