import { Decimal } from "@prisma/client/runtime/client";

export { Decimal };

/**
 * Prisma's decimal.js with room for exact money arithmetic. The stock constructor rounds every
 * result to 20 significant digits; a token count times a 20-digit price needs about 36, and a
 * discount a few more, so with 80 no product or sum here is ever rounded before the end.
 * Plain notation everywhere, so `String(cost)` never reads `1e-8`.
 */
export const PriceDecimal: typeof Decimal = Decimal.clone({
  precision: 80,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** Decimal places of a stored cost: the `costUsd` columns are `Decimal(20,10)`. */
export const COST_DECIMAL_PLACES = 10;

const DECIMAL_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Converts a decimal or JSON number lexeme (`2.5e-06`) to plain notation (`0.0000025`), exactly. */
export function toPlainDecimal(text: string): string {
  if (!DECIMAL_TEXT.test(text)) throw new RangeError(`Not a decimal number: ${text}`);
  return new PriceDecimal(text).toFixed();
}

/** Rounds a cost to the stored scale, half to even, the way the database column would hold it. */
export function roundCostUsd(value: Decimal): Decimal {
  return value.toDecimalPlaces(COST_DECIMAL_PLACES, Decimal.ROUND_HALF_EVEN);
}

/** Sums costs exactly; strings and decimals only, because a float has already lost the cents. */
export function sumCostsUsd(values: Iterable<string | Decimal>): Decimal {
  let total = new PriceDecimal(0);
  for (const value of values) total = total.plus(value);
  return total;
}
