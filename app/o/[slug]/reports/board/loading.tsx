/** The board report while it loads: the shape of its first sheet, not a blank screen. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the board report" className="animate-pulse space-y-6">
      <div className="h-7 w-48 rounded bg-slate-200" />
      <div className="h-9 w-2/3 rounded bg-slate-200" />
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-8">
        <div className="h-6 w-1/3 rounded bg-slate-200" />
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {[0, 1, 2, 3, 4, 5, 6, 7].map((i) => (
            <div key={i} className="h-20 rounded-md bg-slate-100" />
          ))}
        </div>
        <div className="h-3 w-1/2 rounded-full bg-slate-200" />
      </div>
    </div>
  );
}
