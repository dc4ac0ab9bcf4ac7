import type { CatalogEntry, CatalogPriceSet } from "./catalog-types";
import { PriceDecimal, type Decimal } from "./decimal";

/** Per-token rates with every fallback applied: what each kind of token of a call costs. */
export type TokenRates = {
  input: Decimal;
  output: Decimal;
  cacheRead: Decimal;
  cacheWrite: Decimal;
  reasoning: Decimal;
};

/** A model's prices ready to bill: base rates, `_above_` thresholds and tiers, all resolved. */
export type ModelPrices = {
  base: TokenRates;
  /** Largest first, so the first one a call passes is the one that applies. */
  thresholds: { above: number; rates: TokenRates }[];
  /** Ascending by `from`; when present they decide the rates and thresholds are not used. */
  tiers: { from: number; to: number; rates: TokenRates }[];
  thresholdInclusive: boolean;
};

/** Prices as a catalog entry or an override gives them: per-token decimal strings. */
export type PriceSource = CatalogPriceSet & Pick<CatalogEntry, "thresholds" | "tiers" | "thresholdInclusive">;

const ZERO = new PriceDecimal(0);

const toDecimal = (price: string | undefined): Decimal | undefined => {
  if (price === undefined) return undefined;
  const value = new PriceDecimal(price);
  if (value.isNegative() || !value.isFinite()) throw new RangeError(`A price must be a non-negative decimal, got ${price}`);
  return value;
};

/**
 * Resolves one set of rates. A rate the set lacks comes from the base set (LiteLLM's rule for
 * `_above_` rates and tiers), then SPEC 2.2's fallbacks: cache read and cache write to the input
 * rate, reasoning to the output rate. An input or output rate given nowhere is zero.
 */
function resolveRates(set: CatalogPriceSet, base: CatalogPriceSet): TokenRates {
  const input = toDecimal(set.input ?? base.input) ?? ZERO;
  const output = toDecimal(set.output ?? base.output) ?? ZERO;
  return {
    input,
    output,
    cacheRead: toDecimal(set.cacheRead ?? base.cacheRead) ?? input,
    cacheWrite: toDecimal(set.cacheWrite ?? base.cacheWrite) ?? input,
    reasoning: toDecimal(set.reasoning ?? base.reasoning) ?? output,
  };
}

/** Turns decimal-string prices into exact decimals with fallbacks resolved, once per model. */
export function prepareModelPrices(source: PriceSource): ModelPrices {
  const base = resolveRates(source, {});
  return {
    base,
    thresholds: (source.thresholds ?? [])
      .map((t) => ({ above: t.above, rates: resolveRates(t, source) }))
      .sort((a, b) => b.above - a.above),
    tiers: (source.tiers ?? [])
      .map((t) => ({ from: t.from, to: t.to, rates: resolveRates(t, source) }))
      .sort((a, b) => a.from - b.from),
    thresholdInclusive: source.thresholdInclusive === true,
  };
}

const preparedByEntry = new WeakMap<CatalogEntry, ModelPrices>();

/** The prepared prices of a catalog entry, computed on first use and kept with the entry. */
export function getEntryPrices(entry: CatalogEntry): ModelPrices {
  let prices = preparedByEntry.get(entry);
  if (!prices) {
    prices = prepareModelPrices(entry);
    preparedByEntry.set(entry, prices);
  }
  return prices;
}
