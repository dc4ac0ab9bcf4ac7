"use client";

import { useCallback, useRef, useState } from "react";
import { Card } from "@/components/ui/card";
import { CsvExportButton } from "@/components/ui/csv-export-button";
import type { WeeklyReview } from "@/lib/weekly-review/load-weekly-review";
import { REVIEW_SECTIONS, type ReviewSectionId } from "@/lib/weekly-review/present-review";
import { actionItemsCsv } from "./action-items-panel";
import { Presentation } from "./presentation";
import { ReviewSectionBody, sectionDescription } from "./review-section-body";
import { anomaliesCsv, budgetsCsv, findingsCsv, workflowsCsv, type CsvTable } from "./review-tables";

function csvFor(id: ReviewSectionId, review: WeeklyReview): CsvTable | null {
  switch (id) {
    case "workflows":
      return workflowsCsv(review);
    case "budgets":
      return budgetsCsv(review);
    case "anomalies":
      return anomaliesCsv(review);
    case "findings":
      return findingsCsv(review);
    case "action-items":
      return actionItemsCsv(review.week.label, review.action_items);
    default:
      return null;
  }
}

// `?present=1` is kept in the URL while presenting, so a reload or a shared link opens the presentation.
function setPresentParam(on: boolean) {
  const url = new URL(window.location.href);
  if (on) url.searchParams.set("present", "1");
  else url.searchParams.delete("present");
  window.history.replaceState(window.history.state, "", url);
}

/** The review's sections as cards, and the presentation mode over them (the data comes from the server render). */
export function WeeklyReviewView({ review, orgSlug, canWrite, startPresenting }: { review: WeeklyReview; orgSlug: string; canWrite: boolean; startPresenting: boolean }) {
  const [presenting, setPresenting] = useState<{ fullscreen: boolean } | null>(startPresenting ? { fullscreen: false } : null);
  const presentButton = useRef<HTMLButtonElement>(null);

  const exit = useCallback(() => {
    setPresenting(null);
    setPresentParam(false);
    // Focus goes back where the presentation was opened from.
    requestAnimationFrame(() => presentButton.current?.focus());
  }, []);

  function present() {
    setPresentParam(true);
    setPresenting({ fullscreen: true });
  }

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">Walk through it with the team: one section per screen, arrow keys to move.</p>
        <button
          ref={presentButton}
          type="button"
          onClick={present}
          aria-haspopup="dialog"
          className="inline-flex h-9 items-center justify-center gap-2 rounded-md bg-accent-600 px-3.5 text-sm font-medium text-white hover:bg-accent-700"
        >
          Present
        </button>
      </div>
      <div className="space-y-6">
        {REVIEW_SECTIONS.map((section) => {
          const csv = csvFor(section.id, review);
          return (
            <Card
              key={section.id}
              title={section.title}
              description={sectionDescription(section.id, review)}
              actions={csv ? <CsvExportButton filename={csv.filename} header={csv.header} rows={csv.rows} /> : null}
            >
              <ReviewSectionBody id={section.id} review={review} orgSlug={orgSlug} canWrite={canWrite} />
            </Card>
          );
        })}
      </div>
      {presenting ? <Presentation review={review} orgSlug={orgSlug} requestFullscreen={presenting.fullscreen} onExit={exit} /> : null}
    </>
  );
}
