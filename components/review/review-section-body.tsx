import type { WeeklyReview } from "@/lib/weekly-review/load-weekly-review";
import type { ReviewSectionId } from "@/lib/weekly-review/present-review";
import { ActionItemsPanel } from "./action-items-panel";
import { AnomaliesTable, BudgetsTable, FindingsTable, ReviewHeadline, TopWorkflowsTable } from "./review-tables";

/** A section's description: what it shows and where its data comes from. */
export function sectionDescription(id: ReviewSectionId, review: WeeklyReview): string {
  switch (id) {
    case "summary":
      return `Monday ${review.week.start_date} to Sunday ${review.week.last_date} (${review.week.time_zone})`;
    case "workflows":
      return review.previous_partial
        ? `The five most expensive workflows so far, against ${review.previous_week} up to the same point of the week`
        : `The five most expensive workflows against ${review.previous_week}`;
    case "budgets":
      return review.budgets_source === "current"
        ? "Levels as of the last evaluation"
        : review.week.tense === "future"
          ? "This week has not started"
          : "A past week's levels are not kept: these are the budget alerts raised during the week, worst level per budget";
    case "anomalies":
      return "Cost spikes per feature and workflow on the week's days";
    case "findings":
      return "Findings first recorded during the week";
    case "action-items":
      return "Raised this week or carried over while still open; an item closed this week shows here until the week ends";
  }
}

/** The body of one review section, shared by the page's cards and the presentation's slides. */
export function ReviewSectionBody({ id, review, orgSlug, canWrite, readOnly = false }: { id: ReviewSectionId; review: WeeklyReview; orgSlug: string; canWrite: boolean; readOnly?: boolean }) {
  switch (id) {
    case "summary":
      return <ReviewHeadline review={review} />;
    case "workflows":
      return <TopWorkflowsTable review={review} orgSlug={orgSlug} />;
    case "budgets":
      return <BudgetsTable review={review} orgSlug={orgSlug} />;
    case "anomalies":
      return <AnomaliesTable review={review} />;
    case "findings":
      return <FindingsTable review={review} orgSlug={orgSlug} />;
    case "action-items":
      return <ActionItemsPanel orgSlug={orgSlug} weekLabel={review.week.label} items={review.action_items} canWrite={canWrite} readOnly={readOnly} />;
  }
}
