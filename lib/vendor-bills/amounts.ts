import { fromUnits, toUnits } from "@/lib/format/decimal";

/**
 * Vendor amounts as exact decimal strings at the storage scale (10 places, see
 * `lib/format/decimal.ts`). Digits are moved as text, never through floating-point arithmetic.
 */

const NUMBER_TEXT = /^(-)?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/** A decimal as its digits and how many of them are after the point (negative: trailing zeros). */
type Digits = { negative: boolean; digits: string; scale: number };

function readDigits(text: string): Digits | null {
  const match = NUMBER_TEXT.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  return { negative: sign === "-", digits: whole + fraction, scale: fraction.length - Number(exponent) };
}

function writeDigits({ negative, digits, scale }: Digits): string {
  let text: string;
  if (scale <= 0) {
    text = digits + "0".repeat(-scale);
  } else {
    const padded = digits.padStart(scale + 1, "0");
    text = `${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
  }
  return `${negative ? "-" : ""}${text}`;
}

/** A decimal text (exponent allowed) as dollars at 10 places, digits past the 10th truncated. */
function toDollars(text: string, centsToDollars: boolean): string | null {
  const parsed = readDigits(text);
  if (!parsed) return null;
  const shifted = centsToDollars ? { ...parsed, scale: parsed.scale + 2 } : parsed;
  return fromUnits(toUnits(writeDigits(shifted)));
}

/**
 * OpenAI's `amount.value` (dollars) as a 10-place decimal string. A JSON number is read through its
 * shortest round-trip text (`0.06` stays `0.06`, `1e-7` becomes `0.0000001`), so no binary noise
 * is added; digits past the 10th place are truncated, like every stored cost.
 */
export function dollarsToDecimal(value: number | string): string | null {
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return toDollars(String(value), false);
}

/** Anthropic's `amount` (a decimal string of cents) as dollars: "123.45" → "1.2345000000". */
export function centsToDollarsDecimal(cents: string): string | null {
  return toDollars(cents, true);
}
