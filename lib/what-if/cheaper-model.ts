import type { CatalogEntry, PriceCatalog } from "@/lib/pricing/catalog-types";
import { matchModel } from "@/lib/pricing/match-model";
import { exact } from "./exact";

// The next tier down within a family, as the providers name their tiers (one hyphen-separated word).
const TIER_DOWN: Record<string, string> = { opus: "sonnet", sonnet: "haiku", pro: "flash", large: "medium", medium: "small" };
const DATE_SUFFIX = /-(?:\d{8}|\d{4}-\d{2}-\d{2})$/;

function candidateKeys(key: string): string[] {
  const bases = [...new Set([key, key.replace(DATE_SUFFIX, "")])];
  const names: string[] = [];
  for (const base of bases) {
    const words = base.split("-");
    const tier = words.findIndex((word) => Object.hasOwn(TIER_DOWN, word));
    if (tier >= 0) names.push([...words.slice(0, tier), TIER_DOWN[words[tier]], ...words.slice(tier + 1)].join("-"));
    if (words.at(-1) === "mini") names.push([...words.slice(0, -1), "nano"].join("-"));
    else if (words.at(-1) === "flash") names.push(`${base}-lite`);
    else names.push(`${base}-mini`);
  }
  return names;
}

const below = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && exact(a) < exact(b);

/**
 * The cheaper model of the same family and provider to route to, by one documented rule: take the
 * model's catalog key (and the key without its date), step its tier word down one (opus → sonnet →
 * haiku, pro → flash, large → medium → small), else add `-mini` (`mini` → `nano`, `flash` →
 * `flash-lite`); the first such key that is in the catalog for the same LiteLLM provider and mode
 * with both input and output prices below the model's. Null when none is.
 */
export function findCheaperSibling(catalog: PriceCatalog, provider: string, model: string): CatalogEntry | null {
  const entry = matchModel(catalog, provider, model);
  if (!entry) return null;
  const byKey = new Map(catalog.entries.filter((e) => e.provider === entry.provider && e.mode === entry.mode).map((e) => [e.key, e]));
  for (const name of candidateKeys(entry.key)) {
    const candidate = byKey.get(name);
    if (candidate && below(candidate.input, entry.input) && below(candidate.output, entry.output)) return candidate;
  }
  return null;
}

/** A catalog key as people name the model: without LiteLLM's routing prefix (`gemini/`). */
export function displayModelName(key: string): string {
  return key.slice(key.lastIndexOf("/") + 1);
}
