import type { ReactNode } from "react";

/** A headline figure: its label, the value large, and an optional line of context below. */
export function StatCard({ label, value, testId, children }: { label: string; value: ReactNode; testId: string; children?: ReactNode }) {
  return (
    <section aria-label={label} className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-xs">
      <h2 className="text-sm text-slate-500">{label}</h2>
      <p data-testid={testId} className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">
        {value}
      </p>
      {children ? <div className="mt-1 text-xs text-slate-500">{children}</div> : null}
    </section>
  );
}
