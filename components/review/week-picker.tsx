import Link from "next/link";
import type { WeeklyReview } from "@/lib/weekly-review/load-weekly-review";

const linkClass = "inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50";

/** Previous and next week links and an ISO-week field, all plain GET navigation (`?week=` in the URL). */
export function WeekPicker({ base, review }: { base: string; review: WeeklyReview }) {
  return (
    <nav aria-label="Week" className="flex flex-wrap items-end gap-2">
      <Link href={`${base}?week=${review.previous_week}`} className={linkClass} rel="prev">
        <span aria-hidden="true">←</span> Previous week
      </Link>
      {review.week.tense !== "current" ? (
        <Link href={base} className={linkClass}>
          This week
        </Link>
      ) : null}
      <Link href={`${base}?week=${review.next_week}`} className={linkClass} rel="next">
        Next week <span aria-hidden="true">→</span>
      </Link>
      <form method="get" action={base} className="flex items-end gap-2">
        <label className="text-xs font-medium text-slate-600">
          Week
          <input
            type="week"
            name="week"
            defaultValue={review.week.label}
            required
            className="mt-1 block h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900"
          />
        </label>
        <button type="submit" className={linkClass}>
          Go
        </button>
      </form>
    </nav>
  );
}
