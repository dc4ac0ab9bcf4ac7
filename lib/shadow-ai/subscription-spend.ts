import { wallTimeAt } from "@/lib/costs/zoned-time";
import { fromUnits, toUnits } from "@/lib/format/decimal";

/** The calendar month (`YYYY-MM`) an instant falls in, in the organization's time zone. */
export function monthInZone(instant: Date, timeZone: string): string {
  const { year, month } = wallTimeAt(instant, timeZone);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** The months from `from` to `to` inclusive (`YYYY-MM`); empty when `from` is later. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number);
  const [endYear, endMonth] = to.split("-").map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/**
 * What a subscription costs each month from `startMonth` to `endMonth`: a monthly cycle's amount
 * every month; an annual amount ÷ 12, exact, the remainder of the division in the first month of
 * each 12-month cycle, so that any contract year adds up to the annual amount to the last place.
 */
export function subscriptionMonthlySpend(subscription: { amountUsd: string; billingCycle: string; startMonth: string }, endMonth: string): { month: string; amountUsd: string }[] {
  const units = toUnits(subscription.amountUsd);
  const months = monthsBetween(subscription.startMonth, endMonth);
  if (subscription.billingCycle !== "annual") return months.map((month) => ({ month, amountUsd: fromUnits(units) }));
  const base = units / BigInt(12);
  const remainder = units - base * BigInt(12);
  return months.map((month, k) => ({ month, amountUsd: fromUnits(k % 12 === 0 ? base + remainder : base) }));
}
