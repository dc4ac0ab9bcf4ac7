import { div, exact, toDecimal, toPlain } from "./exact";
import type { WorkingLine } from "./types";

/** Decimal strings: USD per attempt, success rate and target margin in percent. */
export type PricePerOutcomeInput = { costPerAttemptUsd: string; successRatePct: string; targetMarginPct: string };

/** The pricing-model result with its working; amounts are decimal strings (10 places). */
export type PricePerOutcomeResult = {
  /** cost per attempt ÷ success rate: what one charged (successful) outcome costs. */
  cost_per_outcome_usd: string;
  /** cost per outcome ÷ (1 − margin): the price per outcome that keeps the target gross margin. */
  price_per_outcome_usd: string;
  inputs: WorkingLine[];
  formula: WorkingLine[];
};

/**
 * SPEC 9's pricing model: cost per charged outcome = cost per attempt ÷ success rate ($0.20 at
 * 70% is $0.2857142857), price = cost per outcome ÷ (1 − target margin). Success rate must be
 * above 0 and margin below 100 (the schema refuses them first).
 */
export function pricePerOutcome(input: PricePerOutcomeInput): PricePerOutcomeResult {
  const attempt = exact(input.costPerAttemptUsd);
  const success = div(exact(input.successRatePct), exact(100));
  const margin = div(exact(input.targetMarginPct), exact(100));
  const perOutcome = div(attempt, success);
  const price = div(perOutcome, exact(1) - margin);
  return {
    cost_per_outcome_usd: toDecimal(perOutcome),
    price_per_outcome_usd: toDecimal(price),
    inputs: [
      { label: "Cost per attempt", value: toPlain(attempt) },
      { label: "Success rate", value: `${toPlain(exact(input.successRatePct), 4)}%` },
      { label: "Target gross margin", value: `${toPlain(exact(input.targetMarginPct), 4)}%` },
    ],
    formula: [
      { label: "Cost per charged outcome", value: `${toPlain(attempt)} ÷ ${toPlain(success, 6)} = ${toDecimal(perOutcome)}` },
      { label: "Price per outcome", value: `${toDecimal(perOutcome)} ÷ (1 − ${toPlain(margin, 6)}) = ${toDecimal(price)}` },
    ],
  };
}
