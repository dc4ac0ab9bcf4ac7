const percent = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signedPercent = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });

/** A share as a percentage, e.g. "62.5%"; an en dash when there is none. */
export function formatShare(share: number | null): string {
  return share === null ? "–" : percent.format(share);
}

/** A change ratio as a signed percentage, e.g. "+25.0%"; "new" when there was nothing before. */
export function formatChangeRatio(ratio: number | null): string {
  return ratio === null ? "new" : signedPercent.format(ratio);
}

/** A local date `YYYY-MM-DD` as "Nov 24". */
export function formatLocalDate(date: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}
