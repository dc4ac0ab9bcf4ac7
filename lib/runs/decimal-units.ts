// Money in this folder is handled as whole units of 10^-10 USD (the scale of Decimal(20,10)), as
// BigInt, so division, bucketing and comparisons are exact: no float ever touches a cost.
export const SCALE = 10;
const UNIT = 10n ** BigInt(SCALE);

/** A non-negative decimal string (any scale up to 10) as whole 10^-10 units. */
export function toUnits(value: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new Error(`Not a decimal: ${value}`);
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  if (fraction.length > SCALE) throw new Error(`More than ${SCALE} decimal places: ${value}`);
  const units = BigInt(match[2]) * UNIT + BigInt(fraction.padEnd(SCALE, "0") || "0");
  return match[1] ? -units : units;
}

/** Whole 10^-10 units as a plain decimal string without trailing zeros ("0.5", "12", "0.0000000001"). */
export function fromUnits(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / UNIT;
  const fraction = (abs % UNIT).toString().padStart(SCALE, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** `total ÷ count`, exactly, rounded half up to 10 places; null when count is 0. */
export function divideUsd(total: string, count: number): string | null {
  if (count <= 0) return null;
  const n = BigInt(count);
  const units = toUnits(total);
  const quotient = units / n;
  const remainder = units % n;
  return fromUnits(remainder * 2n >= n ? quotient + 1n : quotient);
}
