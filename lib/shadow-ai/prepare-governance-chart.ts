import { decimalToNumber, fromUnits, toUnits } from "@/lib/format/decimal";

/** What the preparation reads of a `summarizeGovernance` month (exact decimal strings). */
export type GovernanceMonthInput = {
  month: string;
  sanctioned_usd: string;
  unsanctioned_usd: string;
  tracked_api_usd: string;
  unattributed_api_usd: string;
};

export type GovernanceSeriesKey = "sanctioned" | "tracked" | "unsanctioned" | "unattributed";

/** One stacked series: inside governance first (stacked at the bottom), outside on top. */
export type GovernanceSeries = { key: GovernanceSeriesKey; label: string; side: "inside" | "outside"; color: string; total: string };

/** One bar: the month, its label, and per series the amount, or null when there is none (a gap, not a zero). */
export type GovernancePoint = { month: string; label: string } & Record<GovernanceSeriesKey, number | null>;

/** One table row: every amount exact, the month's inside and outside and the share outside. */
export type GovernanceRow = {
  month: string;
  label: string;
  sanctioned_usd: string;
  tracked_api_usd: string;
  unsanctioned_usd: string;
  unattributed_api_usd: string;
  inside_usd: string;
  outside_usd: string;
  /** Percent of the month's AI spend outside governance, one decimal; null for a month with no AI spend. */
  outside_share_pct: string | null;
};

export type GovernanceHeadline = {
  /** The latest month shown (null when nothing is shown). */
  latestMonth: string | null;
  latestOutside: string;
  latestInside: string;
  totalOutside: string;
  totalInside: string;
  /** Percent of AI spend over the months shown that is outside governance; null when there is none. */
  outsideSharePct: string | null;
};

export type GovernanceChartData = { points: GovernancePoint[]; rows: GovernanceRow[]; series: GovernanceSeries[]; headline: GovernanceHeadline };

const SERIES: readonly Omit<GovernanceSeries, "total">[] = [
  { key: "sanctioned", label: "Sanctioned tools", side: "inside", color: "#16a34a" },
  { key: "tracked", label: "Tracked API cost", side: "inside", color: "#0891b2" },
  { key: "unsanctioned", label: "Unsanctioned tools", side: "outside", color: "#dc2626" },
  { key: "unattributed", label: "Unattributed API spend", side: "outside", color: "#ea580c" },
];

const FIELD: Record<GovernanceSeriesKey, keyof GovernanceMonthInput> = {
  sanctioned: "sanctioned_usd",
  tracked: "tracked_api_usd",
  unsanctioned: "unsanctioned_usd",
  unattributed: "unattributed_api_usd",
};

export const DEFAULT_GOVERNANCE_MONTHS = 12;

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2026-11` → `Nov 2026`. */
export function monthLabel(month: string): string {
  const [year, m] = month.split("-");
  return `${MONTH_NAMES[Number(m) - 1] ?? m} ${year}`;
}

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** `part / whole` as a percent with one decimal, rounded half up, exact; null when `whole` is zero. */
export function sharePct(part: bigint, whole: bigint): string | null {
  if (whole <= BigInt(0)) return null;
  const tenths = (part * BigInt(2000) + whole) / (whole * BigInt(2));
  return `${tenths / BigInt(10)}.${tenths % BigInt(10)}`;
}

/**
 * `summarizeGovernance` months → the Shadow AI page's stacked bars, table and headline. Keeps the
 * latest `maxMonths` months from the first month with AI spend; a month in between without any is
 * present with nulls, so it shows as a gap. Sums are exact decimals; numbers only for plotting.
 */
export function prepareGovernanceChart(months: readonly GovernanceMonthInput[], options: { maxMonths?: number } = {}): GovernanceChartData {
  const maxMonths = options.maxMonths ?? DEFAULT_GOVERNANCE_MONTHS;
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const sorted = [...byMonth.keys()].sort();
  const filled: string[] = [];
  if (sorted.length > 0) {
    const last = sorted[sorted.length - 1];
    for (let m = sorted[0]; m <= last; m = nextMonth(m)) filled.push(m);
  }
  const shown = filled.slice(-maxMonths);
  const zero = BigInt(0);
  const totals: Record<GovernanceSeriesKey, bigint> = { sanctioned: zero, tracked: zero, unsanctioned: zero, unattributed: zero };
  const points: GovernancePoint[] = [];
  const rows: GovernanceRow[] = [];
  for (const month of shown) {
    const input = byMonth.get(month);
    const units = {} as Record<GovernanceSeriesKey, bigint>;
    for (const s of SERIES) {
      units[s.key] = input ? toUnits(input[FIELD[s.key]]) : zero;
      totals[s.key] += units[s.key];
    }
    const point = { month, label: monthLabel(month) } as GovernancePoint;
    for (const s of SERIES) point[s.key] = units[s.key] === zero ? null : decimalToNumber(fromUnits(units[s.key]));
    points.push(point);
    const inside = units.sanctioned + units.tracked;
    const outside = units.unsanctioned + units.unattributed;
    rows.push({
      month,
      label: monthLabel(month),
      sanctioned_usd: fromUnits(units.sanctioned),
      tracked_api_usd: fromUnits(units.tracked),
      unsanctioned_usd: fromUnits(units.unsanctioned),
      unattributed_api_usd: fromUnits(units.unattributed),
      inside_usd: fromUnits(inside),
      outside_usd: fromUnits(outside),
      outside_share_pct: sharePct(outside, inside + outside),
    });
  }
  const totalInside = totals.sanctioned + totals.tracked;
  const totalOutside = totals.unsanctioned + totals.unattributed;
  const latest = rows.at(-1);
  return {
    points,
    rows,
    series: SERIES.map((s) => ({ ...s, total: fromUnits(totals[s.key]) })),
    headline: {
      latestMonth: latest?.month ?? null,
      latestOutside: latest?.outside_usd ?? fromUnits(zero),
      latestInside: latest?.inside_usd ?? fromUnits(zero),
      totalOutside: fromUnits(totalOutside),
      totalInside: fromUnits(totalInside),
      outsideSharePct: sharePct(totalOutside, totalInside + totalOutside),
    },
  };
}
