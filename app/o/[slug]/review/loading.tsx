/** The weekly review while it loads: the shape of its cards, not a blank screen. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the weekly review" className="animate-pulse space-y-6">
      <div className="h-7 w-56 rounded bg-slate-200" />
      <div className="h-4 w-1/2 rounded bg-slate-200" />
      {[0, 1, 2].map((i) => (
        <div key={i} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <div className="h-4 w-1/4 rounded bg-slate-200" />
          <div className="h-3 w-full rounded bg-slate-100" />
          <div className="h-3 w-5/6 rounded bg-slate-100" />
        </div>
      ))}
    </div>
  );
}
