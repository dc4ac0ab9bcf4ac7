import { div, exact, mul, sum, type Exact } from "./exact";
import type { ModelRates, TokenMixRow } from "./types";

type Tokens = Pick<TokenMixRow, "inputTokens" | "cachedInputTokens" | "cacheWriteTokens" | "outputTokens" | "reasoningTokens">;

/**
 * SPEC 2.2's cost of a token mix at one model's base rates: `(input − cached − cache_write) × input
 * + cached × cache_read + cache_write × cache_write + (output − reasoning) × output + reasoning ×
 * reasoning`, with uncached input and visible output floored at 0 like the pricer.
 */
export function costAtRates(tokens: Tokens, rates: ModelRates): Exact {
  const uncached = Math.max(0, tokens.inputTokens - tokens.cachedInputTokens - tokens.cacheWriteTokens);
  const visible = Math.max(0, tokens.outputTokens - tokens.reasoningTokens);
  return sum([
    mul(exact(uncached), exact(rates.input)),
    mul(exact(tokens.cachedInputTokens), exact(rates.cacheRead)),
    mul(exact(tokens.cacheWriteTokens), exact(rates.cacheWrite)),
    mul(exact(visible), exact(rates.output)),
    mul(exact(tokens.reasoningTokens), exact(rates.reasoning)),
  ]);
}

/** A window's amount scaled to a 30-day month: amount × 30 ÷ window days. */
export function toMonthly(amount: Exact, windowDays: number): Exact {
  if (!(windowDays > 0)) throw new RangeError("The window must be longer than 0 days");
  // Days may be fractional (a range that is not whole days): scale by milli-days, exactly.
  const milliDays = Math.round(windowDays * 1000);
  return div(amount * BigInt(30_000), exact(milliDays));
}
