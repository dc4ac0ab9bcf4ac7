import type { CatalogEntry, PriceCatalog } from "./catalog-types";
import { listModelNameVariants } from "./model-name-variants";
import { listCatalogProviders } from "./resolve-providers";

/** Finds the catalog entry for an event's provider and model; null when none fits. */
export type ModelMatcher = (provider: string, model: string) => CatalogEntry | null;

// Distinct (provider, model) pairs are few in practice; the cap only bounds hostile input.
const MEMO_LIMIT = 20_000;

// The first path segment of a key that only routes to its provider: `gemini/`, `vertex_ai/`,
// `azure/`, `amazon-nova/`. Such an entry is also found under the rest of its key.
function stripRoutingPrefix(key: string, provider: string): string | null {
  const slash = key.indexOf("/");
  if (slash < 0) return null;
  const segment = key.slice(0, slash).replace(/-/g, "_");
  const family = provider.replace(/-/g, "_");
  const routes = family === segment || family.startsWith(`${segment}_`);
  return routes ? key.slice(slash + 1) : null;
}

/** Every lower-cased name an entry answers to: full keys first, then keys without their routing prefix. */
function indexCatalog(entries: readonly CatalogEntry[]): Map<string, CatalogEntry[]> {
  const byName = new Map<string, CatalogEntry[]>();
  const add = (name: string, entry: CatalogEntry) => {
    const bucket = byName.get(name);
    if (bucket) bucket.push(entry);
    else byName.set(name, [entry]);
  };
  for (const entry of entries) add(entry.key.toLowerCase(), entry);
  for (const entry of entries) {
    const bare = stripRoutingPrefix(entry.key, entry.provider);
    if (bare) add(bare.toLowerCase(), entry);
  }
  return byName;
}

/**
 * A memoized matcher over one catalog. Name variants are tried level by level (as given, the
 * same release respelled, release suffixes stripped); within a level the provider's own listings
 * before list-price fallbacks, then each name in order, then each provider in preference order.
 */
export function createModelMatcher(catalog: PriceCatalog): ModelMatcher {
  const byName = indexCatalog(catalog.entries);
  const known = new Set(catalog.entries.map((entry) => entry.provider));
  const memo = new Map<string, CatalogEntry | null>();

  const find = (provider: string, model: string): CatalogEntry | null => {
    const { primary, fallback } = listCatalogProviders(provider, known);
    if (primary.length === 0 && fallback.length === 0) return null;
    for (const names of listModelNameVariants(model)) {
      for (const providers of [primary, fallback]) {
        for (const name of names) {
          const bucket = byName.get(name);
          if (!bucket) continue;
          for (const candidate of providers) {
            const entry = bucket.find((e) => e.provider === candidate);
            if (entry) return entry;
          }
        }
      }
    }
    return null;
  };

  return (provider, model) => {
    const memoKey = `${provider}\n${model}`;
    let entry = memo.get(memoKey);
    if (entry === undefined) {
      entry = find(provider, model);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(memoKey, entry);
    }
    return entry;
  };
}

const matchers = new WeakMap<PriceCatalog, ModelMatcher>();

/** The catalog's shared matcher, so every organization's pricer reuses one index and one memo. */
export function getModelMatcher(catalog: PriceCatalog): ModelMatcher {
  let matcher = matchers.get(catalog);
  if (!matcher) {
    matcher = createModelMatcher(catalog);
    matchers.set(catalog, matcher);
  }
  return matcher;
}

/** Matches an event's provider and model against a catalog. */
export function matchModel(catalog: PriceCatalog, provider: string, model: string): CatalogEntry | null {
  return getModelMatcher(catalog)(provider, model);
}
