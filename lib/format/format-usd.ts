import { Prisma } from "@/lib/db/generated/client";

type Amount = string | number | Prisma.Decimal;

const whole = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A total as people read it: whole dollars from $1,000 up, cents below (SPEC 4). */
export function formatUsdTotal(amount: Amount): string {
  const value = new Prisma.Decimal(amount.toString());
  return value.abs().gte(1000) ? whole.format(value.toDecimalPlaces(0).toNumber()) : cents.format(value.toDecimalPlaces(2).toNumber());
}

/** A per-call or per-run amount: enough significant digits that sub-cent costs stay readable ($0.000412). */
export function formatUsdUnit(amount: Amount): string {
  const value = new Prisma.Decimal(amount.toString());
  if (value.isZero()) return "$0";
  if (value.abs().gte(1)) return cents.format(value.toDecimalPlaces(2).toNumber());
  const text = value.abs().toSignificantDigits(3).toFixed();
  return `${value.isNegative() ? "-" : ""}$${text}`;
}
