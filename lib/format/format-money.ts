import { toUnits, SCALE } from "./decimal";

/*
 * Money at the edge, on the server and in the browser alike (no Prisma.Decimal, which cannot go
 * into a client bundle): rounding is done exactly on the decimal string, half away from zero.
 */

const whole = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Rounds a decimal string to `places` places, half away from zero, as a plain decimal string. */
export function roundDecimal(text: string, places: number): string {
  const units = toUnits(text);
  const negative = units < BigInt(0);
  const abs = negative ? -units : units;
  const step = BigInt(10) ** BigInt(SCALE - places);
  const rounded = ((abs + step / BigInt(2)) / step);
  const digits = rounded.toString().padStart(places + 1, "0");
  const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  // Like Prisma.Decimal: a negative amount that rounds to zero keeps its sign (-$0.00).
  return `${negative ? "-" : ""}${body}`;
}

/** A total as people read it: whole dollars from $1,000 up, cents below (SPEC 4). */
export function formatUsdTotal(amount: string): string {
  const units = toUnits(amount);
  const abs = units < BigInt(0) ? -units : units;
  return abs >= toUnits("1000") ? whole.format(Number(roundDecimal(amount, 0))) : cents.format(Number(roundDecimal(amount, 2)));
}

/** A per-call amount: three significant digits below $1 so sub-cent costs stay readable ($0.000412). */
export function formatUsdUnit(amount: string): string {
  const units = toUnits(amount);
  if (units === BigInt(0)) return "$0";
  const negative = units < BigInt(0);
  const abs = negative ? -units : units;
  if (abs >= toUnits("1")) return cents.format(Number(roundDecimal(amount, 2)));
  // Three significant digits: find the first non-zero place after the point.
  const digits = abs.toString().padStart(SCALE, "0"); // the fraction, SCALE long
  const first = digits.search(/[1-9]/);
  const places = Math.min(SCALE, first + 3);
  const text = roundDecimal(`0.${digits}`, places).replace(/0+$/, "").replace(/\.$/, "");
  return `${negative ? "-" : ""}$${text}`;
}
