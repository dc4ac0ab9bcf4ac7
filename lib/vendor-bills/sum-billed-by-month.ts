import { fromUnits, toUnits } from "@/lib/format/decimal";
import type { Vendor } from "./schemas";
import type { BilledCostRow } from "./types";

/** Billed cost of one vendor in one month (and one project, when summed by project). */
export type BilledMonthTotal = {
  vendor: Vendor;
  month: string;
  /** Present only in `sumBilledByProjectMonth`; null is the bill's unattributed / default project. */
  project?: string | null;
  amountUsd: string;
  rows: number;
};

function sumBy(rows: readonly BilledCostRow[], byProject: boolean): BilledMonthTotal[] {
  const totals = new Map<string, { vendor: Vendor; month: string; project: string | null; units: bigint; rows: number }>();
  for (const row of rows) {
    const project = byProject ? row.project : null;
    const key = JSON.stringify([row.vendor, row.month, project]);
    const total = totals.get(key) ?? { vendor: row.vendor, month: row.month, project, units: BigInt(0), rows: 0 };
    total.units += toUnits(row.amountUsd);
    total.rows += 1;
    totals.set(key, total);
  }
  return [...totals.values()]
    .sort(
      (a, b) =>
        a.vendor.localeCompare(b.vendor) ||
        a.month.localeCompare(b.month) ||
        // null (no project) sorts first, then project ids in order
        (a.project === b.project ? 0 : a.project === null ? -1 : b.project === null ? 1 : a.project.localeCompare(b.project)),
    )
    .map(({ vendor, month, project, units, rows: count }) => ({
      vendor,
      month,
      ...(byProject ? { project } : {}),
      amountUsd: fromUnits(units),
      rows: count,
    }));
}

/** Exact billed cost per vendor and month (the side of reconciliation the vendor bill gives). */
export function sumBilledByMonth(rows: readonly BilledCostRow[]): BilledMonthTotal[] {
  return sumBy(rows, false);
}

/** Exact billed cost per vendor, month and project (OpenAI project / Anthropic workspace). */
export function sumBilledByProjectMonth(rows: readonly BilledCostRow[]): BilledMonthTotal[] {
  return sumBy(rows, true);
}
