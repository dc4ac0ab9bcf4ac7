const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_RANGE_DAYS = 30;

/** The page's range: ISO bounds for the API (`to` exclusive) and the picker's inclusive days. */
export type WorkflowRange = { from: string; to: string; fromDay: string; throughDay: string; isDefault: boolean };

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const valid = (value: string | undefined): value is string => value !== undefined && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/**
 * Reads `from` and `to` (UTC days, `to` inclusive) from the URL. Missing or invalid values, or a
 * `to` before `from`, give the last 30 days ending now, so a bad link still shows a page.
 */
export function readWorkflowRange(params: { from?: string; to?: string }, now: Date = new Date()): WorkflowRange {
  if (valid(params.from) && valid(params.to) && params.from <= params.to) {
    const from = Date.parse(`${params.from}T00:00:00Z`);
    const to = Date.parse(`${params.to}T00:00:00Z`) + DAY_MS;
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), fromDay: params.from, throughDay: params.to, isDefault: false };
  }
  const to = now.getTime();
  const from = to - DEFAULT_RANGE_DAYS * DAY_MS;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), fromDay: day(from), throughDay: day(to), isDefault: true };
}

/** The query string that keeps a chosen range across links (empty for the default range). */
export function rangeSearch(range: WorkflowRange): string {
  return range.isDefault ? "" : `?${new URLSearchParams({ from: range.fromDay, to: range.throughDay })}`;
}

/** The first search-param value, for what a Next.js page receives. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
