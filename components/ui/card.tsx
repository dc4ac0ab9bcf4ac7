import type { ReactNode } from "react";

/** A white panel with an optional title row. */
export function Card({ title, description, actions, children }: { title?: string; description?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    // A titled card is a named region, so people using a screen reader (and tests) can find it by its
    // title. min-w-0: in a grid or flex row a wide table scrolls inside the card instead of widening
    // the page on a phone.
    <section aria-label={title} className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-xs">
      {title ? (
        <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
          <div>
            <h2 className="text-base font-semibold text-slate-900">{title}</h2>
            {description ? <p className="mt-0.5 text-sm text-slate-500">{description}</p> : null}
          </div>
          {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
        </header>
      ) : null}
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}
