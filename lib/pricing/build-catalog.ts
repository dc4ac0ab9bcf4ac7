import { createHash } from "node:crypto";
import type { CatalogEntry, CatalogPriceSet, CatalogSource, CatalogThreshold, CatalogTier, PriceCatalog } from "./catalog-types";
import { toPlainDecimal } from "./decimal";
import { JsonNumber, parseJsonExact, type ExactJsonValue } from "./parse-json-exact";

type JsonObject = { [key: string]: ExactJsonValue };

/** Inputs of one catalog build; the output depends on nothing else. */
export type BuildCatalogOptions = {
  sourceBytes: Uint8Array;
  /** The source path as recorded in the catalog (relative to the repository root). */
  inputFile: string;
  generatedAt: Date;
};

// Versions of LiteLLM's table whose upstream commit is known (from ../shared/data/README.md),
// by the SHA-256 of the file. Another input is still built, with its commit left unknown.
const KNOWN_SOURCES: Record<string, Pick<CatalogSource, "commit" | "version" | "mirror">> = {
  "9cdbc982511111dbf85ea0d3ef491a6bae15162b8cb873dc45c3d9fcc290df4e": {
    commit: "00035b69f416be24e2e323c13198d9b7d2d1bdf9",
    version: "LiteLLM main, mid-July 2026",
    mirror: {
      repository: "RoCry/llm-api-price",
      commit: "73b946cc15d228d0f014937f6ad087f6ecbace4c",
      syncedAt: "2026-07-18T23:59:00Z",
    },
  },
};

const NOT_MODELS = new Set(["sample_spec", "fallback_generalizations"]);

// LiteLLM field → catalog field, base rates; the first field present wins.
const BASE_FIELDS: [keyof CatalogPriceSet, string[]][] = [
  ["input", ["input_cost_per_token"]],
  ["output", ["output_cost_per_token"]],
  // DeepSeek-style entries name the cache-hit rate `input_cost_per_token_cache_hit`, some only that.
  ["cacheRead", ["cache_read_input_token_cost", "input_cost_per_token_cache_hit"]],
  ["cacheWrite", ["cache_creation_input_token_cost"]],
  ["reasoning", ["output_cost_per_reasoning_token"]],
];

const THRESHOLD_FIELD = /^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost)_above_(\d+)(k?)_tokens$/;
const THRESHOLD_TARGET: Record<string, keyof CatalogPriceSet> = {
  input_cost_per_token: "input",
  output_cost_per_token: "output",
  cache_read_input_token_cost: "cacheRead",
  cache_creation_input_token_cost: "cacheWrite",
};

// LiteLLM bills xAI's above-threshold rates from the threshold itself (`_INCLUSIVE_THRESHOLD_PROVIDERS`).
const INCLUSIVE_THRESHOLD_PROVIDERS = new Set(["xai"]);

const readPrice = (value: ExactJsonValue | undefined): string | undefined =>
  value instanceof JsonNumber ? toPlainDecimal(value.lexeme) : undefined;

// Tier bounds are token counts, written `256000.0` in places.
const readTokenCount = (value: ExactJsonValue | undefined): number | undefined => {
  const plain = value instanceof JsonNumber ? toPlainDecimal(value.lexeme) : undefined;
  return plain !== undefined && /^\d+$/.test(plain) ? Number(plain) : undefined;
};

const isObject = (value: ExactJsonValue | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber);

function readPriceSet(raw: JsonObject): CatalogPriceSet {
  const set: CatalogPriceSet = {};
  for (const [target, fields] of BASE_FIELDS) {
    for (const field of fields) {
      const price = readPrice(raw[field]);
      if (price !== undefined) {
        set[target] = price;
        break;
      }
    }
  }
  return set;
}

function readThresholds(raw: JsonObject): CatalogThreshold[] {
  const byAbove = new Map<number, CatalogThreshold>();
  for (const field of Object.keys(raw)) {
    const match = THRESHOLD_FIELD.exec(field);
    const price = match ? readPrice(raw[field]) : undefined;
    if (!match || price === undefined) continue;
    const above = Number(match[2]) * (match[3] ? 1000 : 1);
    const threshold = byAbove.get(above) ?? { above };
    threshold[THRESHOLD_TARGET[match[1]]] = price;
    byAbove.set(above, threshold);
  }
  return [...byAbove.values()].sort((a, b) => a.above - b.above).map(orderPriceFields);
}

function readTiers(raw: JsonObject): CatalogTier[] {
  const tiers: CatalogTier[] = [];
  const list = raw.tiered_pricing;
  if (!Array.isArray(list)) return tiers;
  for (const item of list) {
    if (!isObject(item) || !Array.isArray(item.range) || item.range.length !== 2) continue;
    const from = readTokenCount(item.range[0]);
    const to = readTokenCount(item.range[1]);
    const prices = readPriceSet(item);
    // Search tiers (`max_results_range`, per query) have no token rate and no place here.
    if (from === undefined || to === undefined || prices.input === undefined) continue;
    tiers.push(orderPriceFields({ from, to, ...prices }));
  }
  return tiers.sort((a, b) => a.from - b.from);
}

// A fixed field order, so the file reads the same on every build.
function orderPriceFields<T extends CatalogPriceSet>(set: T): T {
  const { input, output, cacheRead, cacheWrite, reasoning, ...rest } = set;
  return dropUndefined({ ...rest, input, output, cacheRead, cacheWrite, reasoning }) as T;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const PRICE_FIELDS: (keyof CatalogPriceSet)[] = ["input", "output", "cacheRead", "cacheWrite", "reasoning"];

const hasNonZeroPrice = (sets: CatalogPriceSet[]) =>
  sets.some((set) => PRICE_FIELDS.some((field) => set[field] !== undefined && set[field] !== "0"));

/** Why an entry is left out of the catalog, or null to keep it. */
function classifyEntry(key: string, raw: ExactJsonValue, entry: CatalogEntry | null): string | null {
  if (NOT_MODELS.has(key)) return "not a model";
  if (!isObject(raw) || typeof raw.litellm_provider !== "string") return "no provider";
  if (typeof raw.mode !== "string") return "no mode (size-bracket rate)";
  if (!entry) return "no token prices";
  const sets: CatalogPriceSet[] = [entry, ...(entry.thresholds ?? []), ...(entry.tiers ?? [])];
  // LiteLLM writes 0 where it has no price (previews, placeholders): billing that as $0 would
  // hide spend, so such models stay unpriced until an organization sets a price.
  if (!hasNonZeroPrice(sets)) return "all token prices zero";
  return null;
}

function toCatalogEntry(key: string, raw: ExactJsonValue): CatalogEntry | null {
  if (!isObject(raw) || typeof raw.litellm_provider !== "string" || typeof raw.mode !== "string") return null;
  const base = readPriceSet(raw);
  const thresholds = readThresholds(raw);
  const tiers = readTiers(raw);
  if (base.input === undefined && base.output === undefined && tiers.length === 0) return null;
  return dropUndefined({
    key,
    provider: raw.litellm_provider,
    mode: raw.mode,
    ...orderPriceFields(base),
    thresholds: thresholds.length > 0 ? thresholds : undefined,
    tiers: tiers.length > 0 ? tiers : undefined,
    thresholdInclusive: thresholds.length > 0 && INCLUSIVE_THRESHOLD_PROVIDERS.has(raw.litellm_provider) ? (true as const) : undefined,
  });
}

/** Builds the catalog from the bytes of LiteLLM's `model_prices_and_context_window.json`. */
export function buildPriceCatalog(options: BuildCatalogOptions): PriceCatalog {
  const sha256 = createHash("sha256").update(options.sourceBytes).digest("hex");
  const parsed = parseJsonExact(new TextDecoder("utf-8", { fatal: true }).decode(options.sourceBytes));
  if (!isObject(parsed)) throw new Error("The price table is not a JSON object");

  const entries: CatalogEntry[] = [];
  const skipped: Record<string, number> = {};
  let sourceEntries = 0;
  for (const [key, raw] of Object.entries(parsed)) {
    if (!NOT_MODELS.has(key)) sourceEntries++;
    const entry = toCatalogEntry(key, raw);
    const reason = classifyEntry(key, raw, entry);
    if (reason) skipped[reason] = (skipped[reason] ?? 0) + 1;
    else if (entry) entries.push(entry);
  }

  const known = KNOWN_SOURCES[sha256];
  return {
    format: 1,
    source: {
      repository: "BerriAI/litellm",
      path: "model_prices_and_context_window.json",
      commit: known?.commit ?? null,
      version: known?.version ?? null,
      mirror: known?.mirror ?? null,
      license: "MIT",
      inputFile: options.inputFile,
      sha256,
      bytes: options.sourceBytes.byteLength,
    },
    generatedAt: options.generatedAt.toISOString(),
    counts: { sourceEntries, entries: entries.length, skipped: Object.fromEntries(Object.entries(skipped).sort()) },
    entries,
  };
}

/** The catalog as file text: a readable header, then one entry per line, byte-stable. */
export function serializePriceCatalog(catalog: PriceCatalog): string {
  const { entries, ...header } = catalog;
  const head = Object.entries(header).map(([name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(value)}`);
  return `{\n${head.join(",\n")},\n"entries": [\n${entries.map((entry) => JSON.stringify(entry)).join(",\n")}\n]\n}\n`;
}
