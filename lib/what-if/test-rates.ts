import type { ModelRates, TokenMixRow } from "./types";

/** gpt-4o's and gpt-4o-mini's catalog rates, for hand-computed tests. */
export const GPT_4O: ModelRates = { input: "0.0000025", output: "0.00001", cacheRead: "0.00000125", cacheWrite: "0.0000025", reasoning: "0.00001", hasCachePrice: true, priceKey: "gpt-4o" };
export const GPT_4O_MINI: ModelRates = { input: "0.00000015", output: "0.0000006", cacheRead: "0.000000075", cacheWrite: "0.00000015", reasoning: "0.0000006", hasCachePrice: true, priceKey: "gpt-4o-mini" };

/** A mix row with zeros for what the test does not set. */
export function mixRow(row: Partial<TokenMixRow> & Pick<TokenMixRow, "model">): TokenMixRow {
  return { provider: "openai", calls: 0, inputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 0, reasoningTokens: 0, costUsd: "0", unpricedCalls: 0, ...row };
}
