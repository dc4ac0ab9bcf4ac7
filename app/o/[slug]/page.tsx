import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/org-context";
import { db } from "@/lib/db";
import { getPageContext } from "@/lib/http/page-context";

export const metadata: Metadata = { title: "Overview" };

/** The organization's home. Until events arrive it says how to start sending them. */
export default async function OverviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await getPageContext((await params).slug);
  const [members, activeKeys, rollups] = await Promise.all([
    db.membership.count({ where: { orgId: ctx.orgId } }),
    db.apiKey.count({ where: { orgId: ctx.orgId, revokedAt: null } }),
    // The roll-ups hold the same count as the events table, without scanning millions of rows.
    db.costRollupHourly.aggregate({ where: { orgId: ctx.orgId }, _sum: { events: true } }),
  ]);
  const events = Number(rollups._sum.events ?? 0);
  const base = `/o/${ctx.orgSlug}`;
  const steps = [
    { done: activeKeys > 0, title: "Create an API key with the ingest scope", href: `${base}/settings/api-keys`, allowed: can(ctx, "manage_api_keys") },
    { done: events > 0, title: "Send one event per AI call, tagged with feature, team, customer and workflow", allowed: true },
    { done: members > 1, title: "Invite finance and engineering colleagues", href: `${base}/settings/members`, allowed: can(ctx, "manage_members") },
  ];
  return (
    <>
      <PageHeader title="Overview" description={`${ctx.orgName} · amounts in USD · days and months in ${ctx.timeZone}`} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Events recorded" value={events.toLocaleString("en-US")} />
        <Stat label="Active API keys" value={activeKeys.toLocaleString("en-US")} />
        <Stat label="Members" value={members.toLocaleString("en-US")} />
      </div>
      <div className="mt-6">
        <Card title="Getting started" description="Spend, budgets and margins appear here as soon as events arrive.">
          <ol className="space-y-3">
            {steps.map((step, index) => (
              <li key={step.title} className="flex items-start gap-3 text-sm">
                <span
                  aria-label={step.done ? "Done" : "To do"}
                  className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-medium ${step.done ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-600"}`}
                >
                  {step.done ? "✓" : index + 1}
                </span>
                {step.href && step.allowed ? (
                  <Link href={step.href} className="text-accent-600 hover:underline">
                    {step.title}
                  </Link>
                ) : (
                  <span className="text-slate-700">{step.title}</span>
                )}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-xs">
      <p className="text-sm text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</p>
    </div>
  );
}
