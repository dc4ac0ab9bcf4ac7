import { fromUnits, toUnits } from "@/lib/format/decimal";

/** Inference cost as a share of revenue that scaling AI companies are held to (SPEC 7), in percent. */
export const INFERENCE_SHARE_BENCHMARK_PCT = 23;
/** Inference cost above this percentage of the feature's gross margin is flagged (SPEC 7). */
export const GROSS_MARGIN_FLAG_PCT = 10;
/** Percentages are answered with this many decimal places, rounded half away from zero. */
export const PERCENT_PLACES = 2;

/** Why a feature (or the total) needs attention. */
export const MARGIN_FLAGS = ["no_revenue", "inference_share_above_benchmark", "inference_above_10pct_of_gross_margin"] as const;
export type MarginFlag = (typeof MARGIN_FLAGS)[number];

/** The money measures of SPEC 7: exact decimal strings (10 places), percentages null without revenue. */
export type MarginMeasures = {
  revenue_usd: string;
  inference_cost_usd: string;
  /** revenue − inference cost. */
  gross_margin_usd: string;
  /** gross margin ÷ revenue × 100. */
  gross_margin_pct: string | null;
  /** inference cost ÷ revenue × 100, set against INFERENCE_SHARE_BENCHMARK_PCT. */
  inference_share_of_revenue_pct: string | null;
};

const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);

/** `numerator ÷ denominator`, rounded half away from zero to an integer; denominator > 0. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < ZERO;
  const abs = negative ? -numerator : numerator;
  const quotient = abs / denominator;
  const rounded = (abs % denominator) * TWO >= denominator ? quotient + ONE : quotient;
  return negative ? -rounded : rounded;
}

/** `part ÷ whole × 100` as a decimal string with PERCENT_PLACES places; null when whole is 0. */
export function percentOf(part: bigint, whole: bigint): string | null {
  if (whole === ZERO) return null;
  const scale = BigInt(10) ** BigInt(PERCENT_PLACES);
  const hundredths = divideRounded(part * BigInt(100) * scale, whole);
  const negative = hundredths < ZERO;
  const abs = negative ? -hundredths : hundredths;
  return `${negative ? "-" : ""}${abs / scale}.${(abs % scale).toString().padStart(PERCENT_PLACES, "0")}`;
}

/** An amount divided by a count, rounded half up to 10 places; null when the count is 0. */
export function perCount(amountUsd: string, count: number): string | null {
  if (count <= 0) return null;
  return fromUnits(divideRounded(toUnits(amountUsd), BigInt(count)));
}

/** Revenue, inference cost, gross margin and the two percentages, from exact amounts. */
export function marginMeasures(revenueUsd: string, costUsd: string): MarginMeasures {
  const revenue = toUnits(revenueUsd);
  const cost = toUnits(costUsd);
  const margin = revenue - cost;
  return {
    revenue_usd: fromUnits(revenue),
    inference_cost_usd: fromUnits(cost),
    gross_margin_usd: fromUnits(margin),
    gross_margin_pct: percentOf(margin, revenue),
    inference_share_of_revenue_pct: percentOf(cost, revenue),
  };
}

/**
 * The flags, decided on exact amounts (never on the rounded percentages):
 * - `no_revenue`: revenue is 0 (the other two need revenue to compare with);
 * - `inference_share_above_benchmark`: cost × 100 > 23 × revenue;
 * - `inference_above_10pct_of_gross_margin`: cost × 100 > 10 × (revenue − cost); exactly 10% is
 *   not flagged, and a margin at or below zero with any cost is.
 */
export function marginFlags(revenueUsd: string, costUsd: string): MarginFlag[] {
  const revenue = toUnits(revenueUsd);
  const cost = toUnits(costUsd);
  if (revenue === ZERO) return ["no_revenue"];
  const flags: MarginFlag[] = [];
  const hundred = BigInt(100);
  if (cost * hundred > BigInt(INFERENCE_SHARE_BENCHMARK_PCT) * revenue) flags.push("inference_share_above_benchmark");
  if (cost > ZERO && cost * hundred > BigInt(GROSS_MARGIN_FLAG_PCT) * (revenue - cost)) flags.push("inference_above_10pct_of_gross_margin");
  return flags;
}
