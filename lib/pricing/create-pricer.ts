import type { PriceCatalog } from "./catalog-types";
import { computeCost, type TokenUsage } from "./compute-cost";
import { PriceDecimal, type Decimal } from "./decimal";
import { getModelMatcher, type ModelMatcher } from "./match-model";
import { getEntryPrices, prepareModelPrices, type ModelPrices } from "./model-prices";
import { listModelNameVariants } from "./model-name-variants";
import { normalizeProvider } from "./resolve-providers";

/** An organization's price override, as stored: a discount on a provider, or custom per-token prices for a model. */
export type PriceOverrideRule = {
  kind: "discount" | "custom";
  provider: string;
  /** null: every model of the provider. */
  model: string | null;
  /** Percent off, e.g. "12.5"; discounts only. */
  discountPct: string | null;
  /** USD per token as decimal strings; custom prices only. Both input and output null ends an earlier custom price. */
  inputPrice: string | null;
  outputPrice: string | null;
  cacheReadPrice: string | null;
  cacheWritePrice: string | null;
  reasoningPrice: string | null;
  effectiveFrom: Date;
};

/** What `priceEvent` needs of an event. */
export type PriceEventInput = TokenUsage & { provider: string; model: string; timestamp: Date };

/** An event's price: cost in USD as a decimal string, and which price produced it. */
export type EventPrice = {
  costUsd: string;
  source: "computed" | "unpriced";
  /** The catalog key, `custom:<provider>/<model>` for an organization's price, null when unpriced. */
  priceKey: string | null;
};

/** Prices events with the built-in catalog and one organization's overrides. */
export type Pricer = { priceEvent(event: PriceEventInput): EventPrice };

type Dated<T> = { from: number; value: T };
type CustomPrice = { prices: ModelPrices; key: string } | null;
type Timelines = { custom: Map<string, Dated<CustomPrice>[]>; discount: Map<string, Dated<Decimal>[]> };

/** What a (provider, model) pair resolves to, before the event's timestamp is known. */
type Resolution = {
  catalog: { prices: ModelPrices; key: string } | null;
  custom: Dated<CustomPrice>[][];
  discount: Dated<Decimal>[][];
};

const ANY_MODEL = "*";
const UNPRICED: EventPrice = { costUsd: "0", source: "unpriced", priceKey: null };
const HUNDRED = new PriceDecimal(100);
const RESOLUTION_LIMIT = 20_000;

const timelineKey = (provider: string, model: string) => `${provider}\n${model}`;

function addDated<T>(map: Map<string, Dated<T>[]>, key: string, item: Dated<T>): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** The value in force at `at`: the latest `from` not after it. Lists are sorted by `from`. */
function valueAt<T>(timeline: Dated<T>[], at: number): Dated<T> | undefined {
  for (let i = timeline.length - 1; i >= 0; i--) if (timeline[i].from <= at) return timeline[i];
  return undefined;
}

function parseDiscount(rule: PriceOverrideRule): Decimal {
  const pct = new PriceDecimal(rule.discountPct ?? "0");
  if (!pct.isFinite() || pct.isNegative() || pct.greaterThan(100)) {
    throw new RangeError(`A discount must be between 0 and 100 percent, got ${rule.discountPct}`);
  }
  return new PriceDecimal(1).minus(pct.dividedBy(HUNDRED));
}

function parseCustom(rule: PriceOverrideRule, provider: string, model: string): CustomPrice {
  if (rule.inputPrice === null && rule.outputPrice === null) return null;
  const prices = prepareModelPrices({
    input: rule.inputPrice ?? undefined,
    output: rule.outputPrice ?? undefined,
    cacheRead: rule.cacheReadPrice ?? undefined,
    cacheWrite: rule.cacheWritePrice ?? undefined,
    reasoning: rule.reasoningPrice ?? undefined,
  });
  return { prices, key: `custom:${provider}/${model}` };
}

function buildTimelines(overrides: readonly PriceOverrideRule[]): Timelines {
  const timelines: Timelines = { custom: new Map(), discount: new Map() };
  for (const rule of overrides) {
    const from = rule.effectiveFrom.getTime();
    if (Number.isNaN(from)) throw new RangeError("A price override needs a valid effectiveFrom");
    const provider = normalizeProvider(rule.provider);
    const model = rule.model?.trim().toLowerCase() || ANY_MODEL;
    const key = timelineKey(provider, model);
    if (rule.kind === "discount") addDated(timelines.discount, key, { from, value: parseDiscount(rule) });
    else if (rule.kind === "custom") addDated(timelines.custom, key, { from, value: parseCustom(rule, provider, model) });
    else throw new RangeError(`Unknown price override kind: ${String(rule.kind)}`);
  }
  // Stable: of two rules from the same instant, the later in the list wins.
  for (const list of [...timelines.custom.values(), ...timelines.discount.values()]) list.sort((a, b) => a.from - b.from);
  return timelines;
}

/** The timelines that apply to a model, most specific first: the model by any of its names, then the whole provider. */
function findTimelines<T>(map: Map<string, Dated<T>[]>, provider: string, model: string): Dated<T>[][] {
  const found: Dated<T>[][] = [];
  if (map.size === 0) return found;
  for (const names of listModelNameVariants(model)) {
    const match = names.map((name) => map.get(timelineKey(provider, name))).find((list) => list !== undefined);
    if (match) {
      found.push(match);
      break;
    }
  }
  const providerWide = map.get(timelineKey(provider, ANY_MODEL));
  if (providerWide) found.push(providerWide);
  return found;
}

/** The first rule in force at `at`, most specific timeline first; an ended custom price falls through. */
function ruleAt<T>(timelines: Dated<T>[][], at: number): T | null | undefined {
  for (const timeline of timelines) {
    const rule = valueAt(timeline, at);
    if (rule && rule.value !== null) return rule.value;
  }
  return undefined;
}

/**
 * Builds a pricer from the catalog and an organization's overrides. At an event's timestamp a
 * custom price for its model (else for its whole provider) replaces the catalog price, and a
 * discount for the model (else the provider) takes its percentage off whichever price applies.
 */
export function createPricer(catalog: PriceCatalog, overrides: readonly PriceOverrideRule[]): Pricer {
  const matchCatalog: ModelMatcher = getModelMatcher(catalog);
  const timelines = buildTimelines(overrides);
  const resolutions = new Map<string, Resolution>();

  const resolve = (provider: string, model: string): Resolution => {
    const memoKey = timelineKey(provider, model);
    let resolution = resolutions.get(memoKey);
    if (!resolution) {
      const entry = matchCatalog(provider, model);
      const canonical = normalizeProvider(provider);
      resolution = {
        catalog: entry ? { prices: getEntryPrices(entry), key: entry.key } : null,
        custom: findTimelines(timelines.custom, canonical, model),
        discount: findTimelines(timelines.discount, canonical, model),
      };
      if (resolutions.size >= RESOLUTION_LIMIT) resolutions.clear();
      resolutions.set(memoKey, resolution);
    }
    return resolution;
  };

  return {
    priceEvent(event) {
      const resolution = resolve(event.provider, event.model);
      const at = event.timestamp.getTime();
      const price = (resolution.custom.length > 0 ? ruleAt(resolution.custom, at) : undefined) ?? resolution.catalog;
      if (!price) return UNPRICED;
      const multiplier = resolution.discount.length > 0 ? ruleAt(resolution.discount, at) : undefined;
      const { costUsd } = computeCost(price.prices, event, multiplier ?? undefined);
      return { costUsd, source: "computed", priceKey: price.key };
    },
  };
}
