import { describe, expect, it } from "vitest";
import { projectCaching } from "./project-caching";
import { mixRow } from "./test-rates";
import type { ModelRates } from "./types";

const SONNET: ModelRates = { input: "0.000003", output: "0.000015", cacheRead: "0.0000003", cacheWrite: "0.00000375", reasoning: "0.000015", hasCachePrice: true, priceKey: "claude-sonnet-4-5" };
const row = mixRow({ provider: "anthropic", model: "claude-sonnet-4-5", inputTokens: 1_000_000, cachedInputTokens: 100_000, cacheWriteTokens: 100_000 });

describe("projectCaching", () => {
  it("saves (target − cached) × (input − cache read)", () => {
    const result = projectCaching({ row, rates: SONNET, windowDays: 30, hitRatePct: "50" });
    // 0.5 × 1M = 500k cached; 400k more × ($3 − $0.30)/M = 1.08 in 30 days = 1.08 a month.
    expect(result.current_hit_rate_pct).toBe("10.00");
    expect(result.additional_cached_tokens).toBe("400000");
    expect(result.saving_per_token_usd).toBe("0.0000027");
    expect(result.saving_monthly_usd).toBe("1.0800000000");
  });

  it("caps the cached tokens at the input that is not a cache write", () => {
    // 95% of 1M = 950k, but only 900k are not cache writes: 800k more × 2.7/M = 2.16, over 10 days × 3 = 6.48.
    const result = projectCaching({ row, rates: SONNET, windowDays: 10, hitRatePct: "95" });
    expect(result.additional_cached_tokens).toBe("800000");
    expect(result.saving_window_usd).toBe("2.1600000000");
    expect(result.saving_monthly_usd).toBe("6.4800000000");
  });

  it("saves nothing below today's hit rate or on a model without a cache price", () => {
    expect(projectCaching({ row, rates: SONNET, windowDays: 30, hitRatePct: "5" }).saving_monthly_usd).toBe("0.0000000000");
    const noCache = projectCaching({ row, rates: { ...SONNET, cacheRead: SONNET.input, hasCachePrice: false }, windowDays: 30, hitRatePct: "50" });
    expect(noCache.saving_monthly_usd).toBe("0.0000000000");
    expect(noCache.has_cache_price).toBe(false);
    expect(noCache.notes[0]).toMatch(/no cache price/);
  });

  it("has no current hit rate without input tokens", () => {
    expect(projectCaching({ row: mixRow({ model: "m" }), rates: SONNET, windowDays: 30, hitRatePct: "30" }).current_hit_rate_pct).toBeNull();
  });
});
