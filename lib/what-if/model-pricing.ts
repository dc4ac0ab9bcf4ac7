import type { PriceCatalog } from "@/lib/pricing/catalog-types";
import type { Pricer } from "@/lib/pricing/create-pricer";
import { displayModelName, findCheaperSibling } from "./cheaper-model";
import { describeModelRates } from "./model-rates";
import type { ModelRates, PricedModel } from "./types";

/** Memoized rates and cheaper siblings of models, priced for one organization at one instant. */
export type ModelPricing = {
  ratesOf: (provider: string, model: string) => ModelRates | null;
  cheaperSiblingOf: (provider: string, model: string) => PricedModel | null;
};

/** Rates through the organization's pricer (overrides and discounts included), siblings by the catalog rule. */
export function createModelPricing(catalog: PriceCatalog, pricer: Pricer, at: Date): ModelPricing {
  const rates = new Map<string, ModelRates | null>();
  const ratesOf = (provider: string, model: string): ModelRates | null => {
    const key = `${provider}\n${model}`;
    if (!rates.has(key)) rates.set(key, describeModelRates(pricer, provider, model, at));
    return rates.get(key) ?? null;
  };
  const cheaperSiblingOf = (provider: string, model: string): PricedModel | null => {
    const entry = findCheaperSibling(catalog, provider, model);
    if (!entry) return null;
    const name = displayModelName(entry.key);
    const siblingRates = ratesOf(provider, name);
    return siblingRates ? { provider, model: name, rates: siblingRates } : null;
  };
  return { ratesOf, cheaperSiblingOf };
}
