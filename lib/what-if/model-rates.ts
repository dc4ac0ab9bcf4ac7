import type { Pricer } from "@/lib/pricing/create-pricer";
import { div, exact, toPlain } from "./exact";
import type { ModelRates } from "./types";

// Small enough to stay below every context threshold and in the first tier (the rates a typical
// call pays), large enough that the cost's 10 stored places carry the rate to 13 places.
const PROBE_TOKENS = 1000;

/**
 * A model's per-token rates as this organization pays them at `at` (catalog, custom prices and
 * discounts, fallbacks resolved), read back through the organization's pricer so the what-if
 * tools and ingestion can never disagree; null when the model has no price.
 */
export function describeModelRates(pricer: Pricer, provider: string, model: string, at: Date): ModelRates | null {
  const probe = (usage: { input?: number; cached?: number; cacheWrite?: number; output?: number; reasoning?: number }) =>
    pricer.priceEvent({
      provider,
      model,
      timestamp: at,
      inputTokens: usage.input ?? 0,
      cachedInputTokens: usage.cached ?? 0,
      cacheWriteTokens: usage.cacheWrite ?? 0,
      outputTokens: usage.output ?? 0,
      reasoningTokens: usage.reasoning ?? 0,
    });
  const n = PROBE_TOKENS;
  const input = probe({ input: n });
  if (input.source === "unpriced") return null;
  const rate = (costUsd: string) => toPlain(div(exact(costUsd), exact(n)), 20);
  const rates = {
    input: rate(input.costUsd),
    cacheRead: rate(probe({ input: n, cached: n }).costUsd),
    cacheWrite: rate(probe({ input: n, cacheWrite: n }).costUsd),
    output: rate(probe({ output: n }).costUsd),
    reasoning: rate(probe({ output: n, reasoning: n }).costUsd),
  };
  return { ...rates, hasCachePrice: exact(rates.cacheRead) < exact(rates.input), priceKey: input.priceKey ?? model };
}
