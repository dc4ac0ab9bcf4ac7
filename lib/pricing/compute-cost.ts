import { roundCostUsd, type Decimal } from "./decimal";
import type { ModelPrices, TokenRates } from "./model-prices";

/** A call's token counts, as SPEC 2.1 defines them: input includes cached and cache-write tokens, output includes reasoning. */
export type TokenUsage = {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
};

/** A computed cost: exact, rounded half-even to the stored 10 decimal places. */
export type ComputedCost = { cost: Decimal; costUsd: string };

const checkTokens = (value: number, name: string): number => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  return value;
};

/**
 * The rates that bill a whole call, chosen by its input tokens. A `tiered_pricing` tier applies
 * when `from < input ≤ to` (past the last tier, the last one); otherwise the largest `_above_`
 * threshold the input passes (`>`, or `≥` for xAI); otherwise the base rates. Never marginal.
 */
export function selectRates(prices: ModelPrices, inputTokens: number): TokenRates {
  const { tiers, thresholds } = prices;
  if (tiers.length > 0) {
    for (const tier of tiers) if (inputTokens > tier.from && inputTokens <= tier.to) return tier.rates;
    return inputTokens > tiers[tiers.length - 1].to ? tiers[tiers.length - 1].rates : tiers[0].rates;
  }
  for (const threshold of thresholds) {
    if (inputTokens > threshold.above || (prices.thresholdInclusive && inputTokens === threshold.above)) return threshold.rates;
  }
  return prices.base;
}

/**
 * SPEC 2.2's cost of one call: `(input − cached − cache_write) × input + cached × cache_read +
 * cache_write × cache_write + (output − reasoning) × output + reasoning × reasoning`, exact,
 * times `multiplier` (a discount's 1 − pct/100) when given, rounded once at the end.
 */
export function computeCost(prices: ModelPrices, usage: TokenUsage, multiplier?: Decimal): ComputedCost {
  const input = checkTokens(usage.inputTokens, "inputTokens");
  const output = checkTokens(usage.outputTokens, "outputTokens");
  const cached = checkTokens(usage.cachedInputTokens, "cachedInputTokens");
  const cacheWrite = checkTokens(usage.cacheWriteTokens, "cacheWriteTokens");
  const reasoning = checkTokens(usage.reasoningTokens, "reasoningTokens");
  const rates = selectRates(prices, input);

  // A client that counts input without its cache tokens (Anthropic's own convention) would
  // otherwise produce a negative charge; the cache tokens are still billed at their rates.
  const uncached = Math.max(0, input - cached - cacheWrite);
  const visibleOutput = Math.max(0, output - reasoning);

  let cost = rates.input.times(uncached);
  if (cached > 0) cost = cost.plus(rates.cacheRead.times(cached));
  if (cacheWrite > 0) cost = cost.plus(rates.cacheWrite.times(cacheWrite));
  if (visibleOutput > 0) cost = cost.plus(rates.output.times(visibleOutput));
  if (reasoning > 0) cost = cost.plus(rates.reasoning.times(reasoning));
  if (multiplier) cost = cost.times(multiplier);

  const rounded = roundCostUsd(cost);
  return { cost: rounded, costUsd: rounded.toFixed() };
}
