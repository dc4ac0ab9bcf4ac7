import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";

const monthName = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

/** A period label as people read it: "October 2026", or "Q4 2026". */
export function formatMarginPeriod(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  return monthName.format(new Date(`${period}-01T00:00:00Z`));
}

/**
 * Months and quarters to choose from; a plain GET form, so the period lives in the URL
 * (`?period=`) and the page works before any script loads.
 */
export function MarginPeriodPicker({ action, period, months, quarters }: { action: string; period: string; months: string[]; quarters: string[] }) {
  const known = months.includes(period) || quarters.includes(period);
  return (
    <form method="get" action={action} className="flex items-end gap-2">
      <div>
        <label htmlFor="margin-period" className="block text-xs font-medium text-slate-600">
          Period
        </label>
        <Select id="margin-period" name="period" defaultValue={period}>
          {known ? null : <option value={period}>{formatMarginPeriod(period)}</option>}
          <optgroup label="Months">
            {months.map((m) => (
              <option key={m} value={m}>
                {formatMarginPeriod(m)}
              </option>
            ))}
          </optgroup>
          <optgroup label="Quarters">
            {quarters.map((q) => (
              <option key={q} value={q}>
                {formatMarginPeriod(q)}
              </option>
            ))}
          </optgroup>
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </form>
  );
}
