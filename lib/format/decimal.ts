/**
 * Exact decimal arithmetic for cost strings, in the browser too (the server's Prisma.Decimal is
 * not available there). Amounts are held as bigint units of 10^-SCALE dollars, the storage scale.
 */
export const SCALE = 10;
const FACTOR = BigInt(10) ** BigInt(SCALE);
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A decimal string ("0.0123400000", "12", "-3.5") as units; more than SCALE places are truncated. */
export function toUnits(text: string): bigint {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new Error(`Not a decimal: ${text}`);
  const [, sign, whole, fraction = ""] = match;
  const units = BigInt(whole) * FACTOR + BigInt(fraction.slice(0, SCALE).padEnd(SCALE, "0"));
  return sign ? -units : units;
}

/** Units as a decimal string with SCALE places, the API's form ("12.3400000000"). */
export function fromUnits(units: bigint): string {
  const negative = units < BigInt(0);
  const abs = negative ? -units : units;
  const whole = abs / FACTOR;
  const fraction = (abs % FACTOR).toString().padStart(SCALE, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** The exact sum of decimal strings. */
export function sumDecimals(values: readonly string[]): string {
  return fromUnits(values.reduce((sum, value) => sum + toUnits(value), BigInt(0)));
}

/** A decimal string divided by a count, truncated at SCALE places; null when the count is 0. */
export function divideDecimal(text: string, count: number): string | null {
  if (count === 0) return null;
  return fromUnits(toUnits(text) / BigInt(count));
}

/** The number a chart plots: only at the very end, after exact sums. */
export function decimalToNumber(text: string): number {
  return Number(text);
}
