import type { ReactNode } from "react";
import type { Paper } from "@/lib/reports/schemas";

const ASPECT: Record<Paper, string> = { a4: "lg:aspect-[297/210]", letter: "lg:aspect-[11/8.5]" };

/**
 * One landscape page of the report: on a wide screen it keeps the paper's proportions (it grows
 * when its content needs more), in print it fills one sheet and the next starts on a new one.
 */
export function BoardSheet({ title, period, paper, pageNumber, pages, children }: { title: string; period: string; paper: Paper; pageNumber: number; pages: number; children: ReactNode }) {
  return (
    <section
      aria-label={title}
      className={`board-sheet flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-xs sm:p-8 ${ASPECT[paper]} print:aspect-auto print:rounded-none print:border-0 print:p-0 print:shadow-none`}
    >
      <header className="mb-4 border-b border-slate-200 pb-3">
        <h2 className="text-xl font-semibold text-slate-900">
          {title} <span className="font-normal text-slate-500">— {period}</span>
        </h2>
      </header>
      <div className="min-w-0 flex-1 space-y-5">{children}</div>
      <p className="mt-4 text-right text-xs text-slate-400">
        Page {pageNumber} of {pages}
      </p>
    </section>
  );
}
