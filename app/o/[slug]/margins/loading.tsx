/** The Margins page while it loads: the shape of the figures and the table, not a blank screen. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading margins" className="animate-pulse space-y-6">
      <div className="h-7 w-40 rounded bg-slate-200" />
      <div className="h-4 w-2/3 rounded bg-slate-200" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-24 rounded-lg border border-slate-200 bg-white" />
        ))}
      </div>
      <div className="h-72 rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
