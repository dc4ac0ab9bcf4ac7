import { Button } from "@/components/ui/button";
import type { Paper } from "@/lib/reports/schemas";
import { PrintButton } from "./print-button";

const LINK = "inline-flex h-9 items-center justify-center rounded-md px-3.5 text-sm font-medium";

/**
 * The period picker (a plain GET form: it works before any script loads) and the downloads. The
 * downloads are the API routes themselves, signed in by the session and told the organization.
 */
export function BoardToolbar({ slug, period, paper, months, quarters, canDownload }: { slug: string; period: string; paper: Paper; months: { value: string; label: string }[]; quarters: { value: string; label: string }[]; canDownload: boolean }) {
  const query = (extra: Record<string, string>) => new URLSearchParams({ period, org: slug, ...extra }).toString();
  const known = [...months, ...quarters].some((o) => o.value === period);
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4 print:hidden">
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Report period">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Period</span>
          <select name="period" defaultValue={period} className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm">
            {known ? null : <option value={period}>{period}</option>}
            <optgroup label="Months">
              {months.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Quarters">
              {quarters.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Paper</span>
          <select name="paper" defaultValue={paper} className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm">
            <option value="a4">A4 landscape</option>
            <option value="letter">Letter landscape</option>
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>
      {canDownload ? (
        <div className="flex flex-wrap items-center gap-2">
          <a href={`/api/v1/reports/board.pdf?${query({ paper: "a4" })}`} download className={`${LINK} bg-accent-600 text-white hover:bg-accent-700`}>
            Download PDF (A4)
          </a>
          <a href={`/api/v1/reports/board.pdf?${query({ paper: "letter" })}`} download className={`${LINK} bg-accent-600 text-white hover:bg-accent-700`}>
            Download PDF (Letter)
          </a>
          <a href={`/api/v1/reports/board.csv?${query({})}`} download className={`${LINK} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}>
            Download CSV
          </a>
          <PrintButton />
        </div>
      ) : null}
    </div>
  );
}
