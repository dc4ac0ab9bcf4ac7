/*
 * Exact fixed-point arithmetic for the what-if tools, in the browser too (no Prisma.Decimal).
 * Values are bigint units of 10^-20: per-token prices have up to ~13 decimal places and token
 * counts up to ~15 digits, so products and sums are exact; only a division rounds (half away
 * from zero, at the 20th place), and results are rounded once more when shown.
 */

const SCALE = 20;
const ONE = BigInt(10) ** BigInt(SCALE);
const ZERO_N = BigInt(0);
const TWO = BigInt(2);
const DECIMAL = /^(-)?(\d+)(?:\.(\d*))?$/;

/** A fixed-point value in units of 10^-20. */
export type Exact = bigint;

/** Zero and one, for sums and comparisons. */
export const ZERO: Exact = ZERO_N;
export const ONE_EXACT: Exact = ONE;

/** Parses a plain decimal string ("0.2", "-3", "12.50") or a safe integer; throws on anything else. */
export function exact(value: string | number): Exact {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number: ${value}`);
    return BigInt(value) * ONE;
  }
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new RangeError(`Not a decimal: ${value}`);
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > SCALE && /[1-9]/.test(fraction.slice(SCALE))) throw new RangeError(`More than ${SCALE} decimal places: ${value}`);
  const units = BigInt(whole) * ONE + BigInt(fraction.slice(0, SCALE).padEnd(SCALE, "0"));
  return sign ? -units : units;
}

/** True when the text is a plain decimal number `exact` accepts. */
export function isDecimalText(text: string): boolean {
  return DECIMAL.test(text.trim());
}

// Integer division rounded half away from zero.
function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === ZERO_N) throw new RangeError("Division by zero");
  const negative = numerator < ZERO_N !== denominator < ZERO_N;
  const n = numerator < ZERO_N ? -numerator : numerator;
  const d = denominator < ZERO_N ? -denominator : denominator;
  const q = (n * TWO + d) / (d * TWO);
  return negative ? -q : q;
}

/** a × b, exact unless the product has more than 20 places (then half away from zero). */
export function mul(a: Exact, b: Exact): Exact {
  return divRound(a * b, ONE);
}

/** a ÷ b, rounded half away from zero at the 20th place; throws when b is 0. */
export function div(a: Exact, b: Exact): Exact {
  return divRound(a * ONE, b);
}

/** The sum of values. */
export function sum(values: readonly Exact[]): Exact {
  return values.reduce((total, value) => total + value, ZERO_N);
}

/** The larger of two values. */
export function max(a: Exact, b: Exact): Exact {
  return a > b ? a : b;
}

/** The smaller of two values. */
export function min(a: Exact, b: Exact): Exact {
  return a < b ? a : b;
}

/** The value as a decimal string rounded half away from zero to `places` places (10: the API's money scale). */
export function toDecimal(value: Exact, places = 10): string {
  const step = BigInt(10) ** BigInt(SCALE - places);
  const rounded = divRound(value, step);
  const negative = rounded < ZERO_N;
  const digits = (negative ? -rounded : rounded).toString().padStart(places + 1, "0");
  const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return `${negative && /[1-9]/.test(body) ? "-" : ""}${body}`;
}

/** The value as a decimal string without trailing zeros ("0.5", "12"), rounded at `places`. */
export function toPlain(value: Exact, places = 10): string {
  const text = toDecimal(value, places);
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}
