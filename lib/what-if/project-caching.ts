import { toMonthly } from "./cost-at-rates";
import { div, exact, max, min, mul, toDecimal, toPlain } from "./exact";
import { MONTH_DAYS, type ModelRates, type TokenMixRow, type WorkingLine } from "./types";

/** What the caching tool needs: one model's tokens in the window, its rates and the target hit rate. */
export type CachingInput = {
  row: TokenMixRow;
  rates: ModelRates;
  windowDays: number;
  /** Target share of input tokens read from the cache, 0–100, decimal string. */
  hitRatePct: string;
};

/** The caching projection with its working; amounts are decimal strings (10 places). */
export type CachingResult = {
  /** Cached ÷ input tokens today, percent with 2 places; null without input tokens. */
  current_hit_rate_pct: string | null;
  additional_cached_tokens: string;
  /** What one cached token saves: input rate − cache-read rate. */
  saving_per_token_usd: string;
  saving_window_usd: string;
  saving_monthly_usd: string;
  /** False when the model has no cache price: no saving is possible by caching. */
  has_cache_price: boolean;
  inputs: WorkingLine[];
  formula: WorkingLine[];
  notes: string[];
};

/**
 * Saving at a chosen cache-hit rate of input tokens (SPEC 9, caching): the tokens that would be
 * read from the cache beyond today's, at most the input that is not a cache write, times
 * (input rate − cache-read rate), scaled from the window to a 30-day month.
 */
export function projectCaching(input: CachingInput): CachingResult {
  const { row, rates } = input;
  const hitRate = div(exact(input.hitRatePct), exact(100));
  const inputTokens = exact(row.inputTokens);
  const cached = exact(row.cachedInputTokens);
  const cacheable = exact(Math.max(0, row.inputTokens - row.cacheWriteTokens));
  const target = min(mul(hitRate, inputTokens), cacheable);
  const additional = max(BigInt(0), target - cached);
  const perToken = rates.hasCachePrice ? max(BigInt(0), exact(rates.input) - exact(rates.cacheRead)) : BigInt(0);
  const savingWindow = mul(additional, perToken);
  const savingMonthly = toMonthly(savingWindow, input.windowDays);
  const notes: string[] = [];
  if (!rates.hasCachePrice) notes.push(`${row.model} has no cache price (cached input bills at the input rate): caching saves nothing on it.`);
  if (target - cached < BigInt(0)) notes.push(`The cache already serves more than ${toPlain(exact(input.hitRatePct), 2)}% of input: no additional saving.`);
  notes.push("Cache writes are not added: providers that bill them (Anthropic: 1.25× input) make the saving smaller.");
  return {
    current_hit_rate_pct: row.inputTokens === 0 ? null : toDecimal(mul(div(cached, inputTokens), exact(100)), 2),
    additional_cached_tokens: toPlain(additional, 0),
    saving_per_token_usd: toPlain(perToken, 20),
    saving_window_usd: toDecimal(savingWindow),
    saving_monthly_usd: toDecimal(savingMonthly),
    has_cache_price: rates.hasCachePrice,
    inputs: [
      { label: "Window", value: `${Number(input.windowDays.toFixed(3))} days, scaled to a ${MONTH_DAYS}-day month` },
      { label: "Input tokens (of which cached, cache write)", value: `${fmt(row.inputTokens)} (${fmt(row.cachedInputTokens)}, ${fmt(row.cacheWriteTokens)})` },
      { label: "Input rate / cache-read rate per 1M tokens", value: `$${perMillion(rates.input)} / $${perMillion(rates.cacheRead)}` },
      { label: "Target cache-hit rate", value: `${toPlain(exact(input.hitRatePct), 4)}%` },
    ],
    formula: [
      { label: "Additional cached tokens", value: `min(${toPlain(hitRate, 6)} × ${fmt(row.inputTokens)}, ${fmt(row.inputTokens)} − ${fmt(row.cacheWriteTokens)}) − ${fmt(row.cachedInputTokens)} = ${toPlain(additional, 0)}` },
      { label: "Saving in the window", value: `${toPlain(additional, 0)} × (${toPlain(exact(rates.input), 20)} − ${toPlain(exact(rates.cacheRead), 20)}) = ${toDecimal(savingWindow)}` },
      { label: "Monthly saving", value: `${toDecimal(savingWindow)} × ${MONTH_DAYS} ÷ window days = ${toDecimal(savingMonthly)}` },
    ],
    notes,
  };
}

const fmt = (n: number) => n.toLocaleString("en-US");
const perMillion = (rate: string) => toPlain(mul(exact(rate), exact(1_000_000)), 6);
