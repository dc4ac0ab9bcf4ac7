import { NextResponse } from "next/server";
import { withApi } from "@/lib/http/with-api";
import { loadWeeklyReview } from "@/lib/weekly-review/load-weekly-review";
import { parseReviewWeek } from "@/lib/weekly-review/review-week";

/** SPEC 8: one week's review (`?week=2026-W47` or a date in it; default this week, in the organization's zone). */
export const GET = withApi("read", async (req, { ctx }) => {
  const week = parseReviewWeek(req.nextUrl.searchParams.get("week"), ctx.timeZone);
  return NextResponse.json(await loadWeeklyReview(ctx, week));
});
