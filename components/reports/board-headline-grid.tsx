import type { BoardHeadline } from "@/lib/reports/board-headlines";

/** The executive summary in numbers: the same strings the PDF prints. */
export function BoardHeadlineGrid({ headlines }: { headlines: BoardHeadline[] }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-4">
      {headlines.map((h) => (
        <section key={h.id} aria-label={h.label} className="rounded-md border border-slate-200 px-4 py-3">
          <h3 className="text-xs text-slate-500">{h.label}</h3>
          <p data-testid={`board-${h.id}`} className={`mt-1 font-semibold tabular-nums text-slate-900 ${h.value.length > 14 ? "text-base" : "text-xl"}`}>
            {h.value}
          </p>
          <p className="mt-1 text-xs text-slate-500">{h.detail}</p>
        </section>
      ))}
    </div>
  );
}
