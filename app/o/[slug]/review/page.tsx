import type { Metadata } from "next";
import Link from "next/link";
import { WeeklyReviewView } from "@/components/review/weekly-review-view";
import { WeekPicker } from "@/components/review/week-picker";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/org-context";
import { AppError } from "@/lib/errors/app-error";
import { getPageContext } from "@/lib/http/page-context";
import { loadWeeklyReview } from "@/lib/weekly-review/load-weekly-review";
import { parseReviewWeek, type ReviewWeek } from "@/lib/weekly-review/review-week";
import { firstParam } from "@/lib/workflows-view/range";

export const metadata: Metadata = { title: "Weekly review" };

/** SPEC 8: one week's review, run from the app alone: top workflows, budgets, anomalies, findings, action items. */
export default async function WeeklyReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await getPageContext((await params).slug);
  const search = await searchParams;
  const base = `/o/${ctx.orgSlug}/review`;
  let week: ReviewWeek;
  try {
    week = parseReviewWeek(firstParam(search.week), ctx.timeZone);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // A bad link still lands somewhere useful.
    return (
      <>
        <PageHeader title="Weekly review" />
        <Alert>
          “{String(firstParam(search.week)).slice(0, 40)}” is not a week. Use an ISO week such as 2026-W47 or a date.{" "}
          <Link href={base} className="font-medium underline">
            Open this week
          </Link>
        </Alert>
      </>
    );
  }
  const review = await loadWeeklyReview(ctx, week);
  return (
    <>
      <PageHeader
        title={`Weekly review · ${week.label}`}
        description={`Monday ${week.startDate} to Sunday ${week.lastDate} (${ctx.timeZone}), compared with the week before.`}
        actions={<WeekPicker base={base} review={review} />}
      />
      <WeeklyReviewView review={review} orgSlug={ctx.orgSlug} canWrite={can(ctx, "manage_action_items")} startPresenting={firstParam(search.present) === "1"} />
    </>
  );
}
