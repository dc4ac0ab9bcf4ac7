/** One model's usage in a scope over a window, from the roll-ups (SPEC 2.1 token meanings). */
export type TokenMixRow = {
  provider: string;
  model: string;
  calls: number;
  /** All input tokens, cached and cache-write included. */
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  /** All output tokens, reasoning included. */
  outputTokens: number;
  reasoningTokens: number;
  /** What the calls cost as stored (catalog, overrides and discounts applied), decimal string. */
  costUsd: string;
  unpricedCalls: number;
};

/** Per-token USD rates of a model as the organization pays them, fallbacks resolved (SPEC 2.2). */
export type ModelRates = {
  input: string;
  output: string;
  /** The input rate when the model has no cache price. */
  cacheRead: string;
  cacheWrite: string;
  reasoning: string;
  /** True when cached input is billed below input. */
  hasCachePrice: boolean;
  /** The catalog key or `custom:<provider>/<model>` the rates came from. */
  priceKey: string;
};

/** A model the page can offer, with its rates. */
export type PricedModel = { provider: string; model: string; rates: ModelRates };

/** One line of a result's working: a label and the value or expression it stands for. */
export type WorkingLine = { label: string; value: string };

/** The days a projection is scaled to: a month is 30 days. */
export const MONTH_DAYS = 30;
