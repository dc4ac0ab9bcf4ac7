/** Per-token USD prices of one price set, as plain decimal strings; absent means not given. */
export type CatalogPriceSet = {
  input?: string;
  output?: string;
  cacheRead?: string;
  cacheWrite?: string;
  reasoning?: string;
};

/** Rates that replace the base rates for a whole call whose input tokens pass `above`. */
export type CatalogThreshold = CatalogPriceSet & { above: number };

/** One `tiered_pricing` tier: a call with `from < input tokens ≤ to` is billed entirely at it. */
export type CatalogTier = CatalogPriceSet & { from: number; to: number };

/** One model of the built-in catalog: LiteLLM's key and provider, and its token prices. */
export type CatalogEntry = CatalogPriceSet & {
  key: string;
  provider: string;
  mode: string;
  thresholds?: CatalogThreshold[];
  tiers?: CatalogTier[];
  /** xAI bills the above-threshold rates from the threshold itself (≥), not only past it. */
  thresholdInclusive?: true;
};

/** Where the catalog's prices came from, so a figure can be traced to its source. */
export type CatalogSource = {
  repository: string;
  path: string;
  /** The upstream commit the input matches; null when the input is not a known version. */
  commit: string | null;
  version: string | null;
  mirror: { repository: string; commit: string; syncedAt: string } | null;
  license: string;
  inputFile: string;
  sha256: string;
  bytes: number;
};

/** The built-in price catalog, as written to `catalog.json`. */
export type PriceCatalog = {
  format: 1;
  source: CatalogSource;
  generatedAt: string;
  counts: { sourceEntries: number; entries: number; skipped: Record<string, number> };
  entries: CatalogEntry[];
};
