/** The budgets list while it loads: the shape of the lights and bars, not a blank screen. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading budgets" className="animate-pulse space-y-6">
      <div className="h-7 w-40 rounded bg-slate-200" />
      <div className="h-4 w-2/3 rounded bg-slate-200" />
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        {[0, 1, 2].map((i) => (
          <div key={i} className="space-y-2">
            <div className="h-4 w-1/3 rounded bg-slate-200" />
            <div className="h-3 w-full rounded-full bg-slate-200" />
            <div className="h-3 w-1/2 rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
