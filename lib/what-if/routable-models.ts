import type { PriceCatalog } from "@/lib/pricing/catalog-types";
import { listCatalogProviders } from "@/lib/pricing/resolve-providers";
import { displayModelName } from "./cheaper-model";

/** Providers whose models the routing tool always offers, beside those the organization uses. */
export const ALWAYS_OFFERED_PROVIDERS = ["openai", "anthropic", "google"] as const;

// Dated releases, fine-tunes and previews repeat a model under another name; the picker lists each once.
const DATED = /-(?:\d{8}|\d{4}-\d{2}-\d{2}|\d{4})$|@/;
const HIDDEN = /^ft:|preview|audio|realtime|search|tts|image|live/;

/**
 * The chat models a call can be routed to, per provider as events name it (`google`, not LiteLLM's
 * `gemini`): the catalog's chat entries of the provider's primary LiteLLM listing, without dated
 * aliases, fine-tunes and special-purpose variants, by name.
 */
export function listRoutableModels(catalog: PriceCatalog, providers: readonly string[]): { provider: string; model: string }[] {
  const known = new Set(catalog.entries.map((e) => e.provider));
  const out: { provider: string; model: string }[] = [];
  const seen = new Set<string>();
  for (const provider of new Set(providers)) {
    const primary = listCatalogProviders(provider, known).primary[0];
    if (!primary) continue;
    for (const entry of catalog.entries) {
      if (entry.provider !== primary || entry.mode !== "chat") continue;
      const model = displayModelName(entry.key);
      if (DATED.test(model) || HIDDEN.test(model) || seen.has(`${provider}\n${model}`)) continue;
      seen.add(`${provider}\n${model}`);
      out.push({ provider, model });
    }
  }
  return out.sort((a, b) => a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model));
}
