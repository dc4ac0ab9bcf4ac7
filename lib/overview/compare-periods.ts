import { Prisma } from "@/lib/db/generated/client";

const Decimal = Prisma.Decimal;

/** A change between two amounts; `ratio` is null when the previous amount was zero. */
export type Change = {
  /** current − previous, exact. */
  amountUsd: string;
  /** (current − previous) / previous, e.g. 0.25 for +25%; null with nothing to compare against. */
  ratio: number | null;
  direction: "up" | "down" | "flat";
};

/** How `current` moved from `previous`. */
export function compareAmounts(currentUsd: string, previousUsd: string): Change {
  const current = new Decimal(currentUsd);
  const previous = new Decimal(previousUsd);
  const amount = current.minus(previous);
  return {
    amountUsd: amount.toFixed(10),
    ratio: previous.isZero() ? null : amount.dividedBy(previous).toNumber(),
    direction: amount.isZero() ? "flat" : amount.isPositive() ? "up" : "down",
  };
}

/** One row of a top-N table. */
export type TopRow = {
  name: string;
  costUsd: string;
  /** Share of the month-to-date total, 0–1; null when the total is zero. */
  share: number | null;
  events: number;
  previousUsd: string;
  change: Change;
};

/**
 * The `limit` most expensive values of this month (ties by name, so the order is stable), each with
 * its share of the total and its change against the same value in the previous period (a value
 * absent then had no spend then: that is a real zero, the period is fully measured).
 */
export function rankTopRows(
  current: readonly { name: string; cost_usd: string; events: number }[],
  previous: readonly { name: string; cost_usd: string }[],
  totalUsd: string,
  limit = 5,
): TopRow[] {
  const before = new Map(previous.map((row) => [row.name, row.cost_usd]));
  const total = new Decimal(totalUsd);
  return [...current]
    .sort((a, b) => new Decimal(b.cost_usd).comparedTo(a.cost_usd) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit)
    .map((row) => {
      const previousUsd = before.get(row.name) ?? "0.0000000000";
      return {
        name: row.name,
        costUsd: row.cost_usd,
        share: total.isZero() ? null : new Decimal(row.cost_usd).dividedBy(total).toNumber(),
        events: row.events,
        previousUsd,
        change: compareAmounts(row.cost_usd, previousUsd),
      };
    });
}
