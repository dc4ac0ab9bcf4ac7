"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import type { WeeklyReview } from "@/lib/weekly-review/load-weekly-review";
import { moveSlide, REVIEW_SECTIONS, slideKeyAction } from "@/lib/weekly-review/present-review";
import { ReviewSectionBody, sectionDescription } from "./review-section-body";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The review full-screen, one section at a time: a title slide with the headline numbers, then each
 * section. Uses the Fullscreen API when the browser allows it and works the same without it.
 */
export function Presentation({ review, orgSlug, requestFullscreen, onExit }: { review: WeeklyReview; orgSlug: string; requestFullscreen: boolean; onExit: () => void }) {
  const [index, setIndex] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const wentFullscreen = useRef(false);
  const count = REVIEW_SECTIONS.length;
  const section = REVIEW_SECTIONS[index];

  const exit = useCallback(() => {
    if (typeof document !== "undefined" && document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    onExit();
  }, [onExit]);

  // Fullscreen needs the click that opened the presentation, so it is asked for right away, once.
  useEffect(() => {
    const root = rootRef.current;
    if (!requestFullscreen || !root || typeof root.requestFullscreen !== "function") return;
    root
      .requestFullscreen()
      .then(() => {
        wentFullscreen.current = true;
      })
      .catch(() => undefined);
  }, [requestFullscreen]);

  // Leaving fullscreen with the browser's own Escape ends the presentation too.
  useEffect(() => {
    const onChange = () => {
      if (wentFullscreen.current && !document.fullscreenElement) {
        wentFullscreen.current = false;
        onExit();
      }
    };
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, [onExit]);

  // Each slide's heading takes focus, so a screen reader starts reading there and Tab starts from it.
  useEffect(() => {
    headingRef.current?.focus();
  }, [index]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const action = slideKeyAction(event.key);
      if (!action) return;
      // Space and Enter on a focused control keep their meaning (press the button, follow the link).
      const target = event.target as HTMLElement | null;
      if (event.key === " " && target?.closest("button, a, input, select, textarea")) return;
      event.preventDefault();
      if (action === "exit") exit();
      else setIndex((current) => moveSlide(current, action, count));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [count, exit]);

  // Keeps Tab inside the dialog: the page behind it is covered.
  function trapTab(event: ReactKeyboardEvent<HTMLDivElement>) {
    if (event.key !== "Tab" || !rootRef.current) return;
    const items = [...rootRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && (document.activeElement === first || document.activeElement === headingRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const navButton =
    "inline-flex h-10 min-w-10 items-center justify-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-300";

  return (
    <div
      ref={rootRef}
      role="dialog"
      aria-modal="true"
      aria-label={`Weekly review ${review.week.label}, presentation`}
      onKeyDown={trapTab}
      className="fixed inset-0 z-50 flex flex-col overflow-hidden bg-slate-50"
      data-testid="review-presentation"
    >
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3 sm:px-8">
        <p className="text-sm font-medium text-slate-600">Weekly review · {review.week.label}</p>
        <div className="flex items-center gap-2">
          <button type="button" className={navButton} onClick={() => setIndex((i) => moveSlide(i, "previous", count))} disabled={index === 0} aria-label="Previous section">
            <span aria-hidden="true">←</span>
          </button>
          <p data-testid="slide-counter" className="min-w-14 text-center text-sm font-semibold tabular-nums text-slate-800">
            {index + 1} / {count}
          </p>
          <button type="button" className={navButton} onClick={() => setIndex((i) => moveSlide(i, "next", count))} disabled={index === count - 1} aria-label="Next section">
            <span aria-hidden="true">→</span>
          </button>
          <button type="button" className={navButton} onClick={exit}>
            Exit <span className="ml-1 hidden text-xs text-slate-400 sm:inline">Esc</span>
          </button>
        </div>
      </div>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {`Section ${index + 1} of ${count}: ${section.title}`}
      </p>
      <div className="flex-1 overflow-auto px-4 py-6 sm:px-12 sm:py-10">
        <section aria-labelledby="slide-heading" className="mx-auto max-w-6xl min-w-0">
          {section.id === "summary" ? (
            <>
              <p className="text-sm font-medium uppercase tracking-wide text-accent-700">Weekly review</p>
              <h2 id="slide-heading" ref={headingRef} tabIndex={-1} className="mt-1 text-3xl font-semibold tracking-tight text-slate-900 focus:outline-none sm:text-5xl">
                {review.week.label}
              </h2>
            </>
          ) : (
            <h2 id="slide-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold tracking-tight text-slate-900 focus:outline-none sm:text-4xl">
              {section.title}
            </h2>
          )}
          <p className="mt-2 text-sm text-slate-500 sm:text-base">{sectionDescription(section.id, review)}</p>
          <div className="mt-6 rounded-lg border border-slate-200 bg-white px-5 py-4 text-base shadow-xs">
            <ReviewSectionBody id={section.id} review={review} orgSlug={orgSlug} canWrite={false} readOnly />
          </div>
          <p className="mt-4 text-xs text-slate-400">→ / Space next · ← previous · Home / End · Esc exits</p>
        </section>
      </div>
    </div>
  );
}
