/**
 * The range as a plain GET form: submitting it puts `from` and `to` (inclusive days in `zone`)
 * in the URL, with or without JS.
 */
export function RangePicker({ range, action, zone = "UTC" }: { range: { fromDay: string; throughDay: string }; action: string; zone?: string }) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2" aria-label="Range">
      <label className="text-xs font-medium text-slate-600">
        From
        <input type="date" name="from" defaultValue={range.fromDay} required className="mt-1 block h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900" />
      </label>
      <label className="text-xs font-medium text-slate-600">
        Through ({zone})
        <input type="date" name="to" defaultValue={range.throughDay} required className="mt-1 block h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900" />
      </label>
      <button type="submit" className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50">
        Apply
      </button>
    </form>
  );
}
