import { AI_VENDOR_CATALOG, type AiVendor, type AiVendorCategory } from "./ai-vendor-catalog";
import { normalizeMerchant, type NormalizedMerchant } from "./normalize-merchant";

/**
 * exact: the statement's naming words are exactly a pattern; strong: a pattern (with its second
 * signal, if it needs one) is in the statement among other words; weak: the match or its second
 * signal comes only from the description, so a person should confirm it.
 */
export type MatchConfidence = "exact" | "strong" | "weak";

export type MerchantMatch = {
  vendorId: string;
  vendor: string;
  product: string;
  category: AiVendorCategory;
  apiProvider: boolean;
  confidence: MatchConfidence;
  /** The normalized pattern that matched, e.g. "OPENAI CHATGPT". */
  matched: string;
  source: "statement" | "description";
};

export type MerchantMatcher = (statementText: string, description?: string | null) => MerchantMatch | null;

type CompiledPattern = {
  entry: AiVendor;
  tokens: readonly string[];
  text: string;
  requires: ReadonlySet<string> | null;
  order: number;
};

type Source = MerchantMatch["source"];

type Candidate = { pattern: CompiledPattern; confidence: MatchConfidence; position: number; source: Source };

const CONFIDENCE_RANK: Record<MatchConfidence, number> = { exact: 0, strong: 1, weak: 2 };

/** Words that make a statement a local shop or venue, never AI spend ("CLAUDES BAKERY", "PERPLEXITY CAFE"). */
export const VETO_WORDS: ReadonlySet<string> = new Set([
  "BAKERY", "BAKESHOP", "BAKEHOUSE", "PATISSERIE", "BOULANGERIE", "CAFE", "COFFEE", "ESPRESSO",
  "RESTAURANT", "RESTAURANTE", "RISTORANTE", "TRATTORIA", "BISTRO", "BRASSERIE", "PIZZA",
  "PIZZERIA", "BAR", "GRILL", "PUB", "TAVERN", "DINER", "DELI", "KITCHEN", "BREWERY", "WINERY",
  "SUSHI", "TACO", "TAQUERIA", "BURGER", "BBQ", "CATERING", "SALON", "SPA", "BARBER", "NAILS",
  "BOUTIQUE", "FLORIST", "CINEMA", "THEATER", "THEATRE", "HOTEL", "HOTELS", "MOTEL", "HOSTEL",
  "GYM", "FITNESS", "YOGA", "PILATES", "DENTAL", "CLINIC", "PHARMACY", "LAUNDRY", "CLEANERS",
  "PARKING", "TAXI", "AVIATION", "AIRLINES",
]);

// Statements that name a store or marketplace rather than the seller: only for these (and for
// statements with no name left at all) may the description name the vendor on its own. A
// description under any other merchant is the employee's free text ("lunch with the OpenAI team").
// "GOOGLE *YOUTUBE PREMIUM" names its seller and is not a store's charge.
const STOREFRONT_WORDS = new Set([
  "APPLE", "ITUNES", "GOOGLE", "PLAY", "AMAZON", "AMZN", "MKTP", "MARKETPLACE", "DIGITAL",
  "MICROSOFT", "MSFT", "STORE", "PAYPAL",
]);

function compileCatalog(catalog: readonly AiVendor[]): Map<string, CompiledPattern[]> {
  const byFirstToken = new Map<string, CompiledPattern[]>();
  let order = 0;
  for (const entry of catalog) {
    for (const pattern of entry.merchantPatterns) {
      const source = typeof pattern === "string" ? pattern : pattern.match;
      const { tokens, cleaned } = normalizeMerchant(source);
      if (tokens.length === 0) throw new Error(`AI vendor ${entry.id}: pattern "${source}" has no naming words`);
      const requires =
        typeof pattern === "string" ? null : new Set(pattern.requires.flatMap((word) => normalizeMerchant(word).rawTokens));
      const compiled: CompiledPattern = { entry, tokens, text: cleaned, requires, order: order++ };
      const bucket = byFirstToken.get(tokens[0]);
      if (bucket) bucket.push(compiled);
      else byFirstToken.set(tokens[0], [compiled]);
    }
  }
  return byFirstToken;
}

function hasAny(words: ReadonlySet<string>, wanted: ReadonlySet<string>): boolean {
  for (const word of wanted) if (words.has(word)) return true;
  return false;
}

function startsAt(tokens: readonly string[], at: number, pattern: readonly string[]): boolean {
  if (at + pattern.length > tokens.length) return false;
  for (let i = 0; i < pattern.length; i++) if (tokens[at + i] !== pattern[i]) return false;
  return true;
}

function findCandidates(
  index: ReadonlyMap<string, CompiledPattern[]>,
  text: NormalizedMerchant,
  otherWords: ReadonlySet<string>,
  source: Source,
): Candidate[] {
  const fromDescription = source === "description";
  const ownWords = new Set(text.rawTokens);
  if (hasAny(ownWords, VETO_WORDS)) return [];
  const found: Candidate[] = [];
  text.tokens.forEach((token, position) => {
    for (const pattern of index.get(token) ?? []) {
      if (!startsAt(text.tokens, position, pattern.tokens)) continue;
      let confidence: MatchConfidence;
      if (pattern.requires) {
        if (hasAny(ownWords, pattern.requires)) confidence = fromDescription ? "weak" : "strong";
        else if (hasAny(otherWords, pattern.requires)) confidence = "weak";
        else continue;
      } else if (fromDescription) confidence = "weak";
      else confidence = pattern.tokens.length === text.tokens.length ? "exact" : "strong";
      found.push({ pattern, confidence, position, source });
    }
  });
  return found;
}

// Sort key, smaller first. The longest pattern wins ("OPENAI CHATGPT TEAM" over "OPENAI CHATGPT"
// over "OPENAI"); at equal length a pattern whose second signal is in the statement is the more
// specific ("OPENAI" + "SUBSCR" is ChatGPT, plain "OPENAI" the API); then the surer match, the
// earlier one, catalog order.
function rankCandidate(c: Candidate): number[] {
  const specific = c.pattern.requires && c.confidence !== "weak" ? 0 : 1;
  return [-c.pattern.tokens.length, specific, CONFIDENCE_RANK[c.confidence], c.position, c.pattern.order];
}

function pickBest(candidates: Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  let bestRank: number[] = [];
  for (const candidate of candidates) {
    const rank = rankCandidate(candidate);
    const i = rank.findIndex((value, k) => value !== bestRank[k]);
    if (!best || (i >= 0 && rank[i] < bestRank[i])) {
      best = candidate;
      bestRank = rank;
    }
  }
  return best;
}

/** Builds a matcher over a catalog: patterns are normalized once and indexed by their first word. */
export function createMerchantMatcher(catalog: readonly AiVendor[]): MerchantMatcher {
  const index = compileCatalog(catalog);
  return (statementText, description) => {
    const statement = normalizeMerchant(statementText);
    const details = normalizeMerchant(description ?? "");
    // A bakery's charge stays a bakery's charge whatever its description says.
    if (hasAny(new Set(statement.rawTokens), VETO_WORDS)) return null;
    // The statement decides when it can; the description is a second signal, or the only name
    // when the statement names a store ("APPLE.COM/BILL" names the app only in the description).
    const fromStatement = pickBest(findCandidates(index, statement, new Set(details.rawTokens), "statement"));
    const storefront = statement.tokens.every((token) => STOREFRONT_WORDS.has(token));
    const best =
      fromStatement ?? (storefront ? pickBest(findCandidates(index, details, new Set(statement.rawTokens), "description")) : null);
    if (!best) return null;
    const { entry } = best.pattern;
    return {
      vendorId: entry.id,
      vendor: entry.vendor,
      product: entry.product,
      category: entry.category,
      apiProvider: entry.apiProvider,
      confidence: best.confidence,
      matched: best.pattern.text,
      source: best.source,
    };
  };
}

let defaultMatcher: MerchantMatcher | null = null;

/** Matches a card-statement merchant text (and optional description) to the built-in AI vendor catalog; null when it is not AI spend. */
export function matchMerchant(statementText: string, description?: string | null): MerchantMatch | null {
  defaultMatcher ??= createMerchantMatcher(AI_VENDOR_CATALOG);
  return defaultMatcher(statementText, description);
}
