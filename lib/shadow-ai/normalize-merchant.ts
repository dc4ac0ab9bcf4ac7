/** A statement's merchant text reduced to the words that name the merchant. */
export type NormalizedMerchant = {
  /** `tokens` joined by single spaces: "OPENAI *CHATGPT SUBSCR 8004378901 CA" → "OPENAI CHATGPT". */
  cleaned: string;
  /** The naming words: processor prefix, references, billing and legal words, trailing place removed. */
  tokens: string[];
  /** Every word of the text after upper-casing and splitting, prefix and noise included (context signals). */
  rawTokens: string[];
  /** The payment processor whose prefix was removed ("square", "paypal", ...), or null. */
  processor: string | null;
};

// Processors that put their own short code before the merchant, always followed by `*`.
// `GOOGLE *` and `MSFT *` are not here: Google and Microsoft sell their own AI under those names.
const STARRED_PREFIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:SQ|GOSQ)\s*\*/, "square"],
  [/^SP\s*\*/, "shopify"],
  [/^PP\s*\*/, "paypal"],
  [/^TST\s*\*/, "toast"],
  [/^CKO\s*\*/, "checkout_com"],
  [/^FS\s*\*/, "fastspring"],
  [/^DRI\s*\*/, "digital_river"],
  [/^IN\s*\*/, "intuit"],
  [/^WPY\s*\*/, "wepay"],
  [/^LS\s*\*/, "lemon_squeezy"],
];

// Processors whose own name leads the text, with or without `*`; none of them sells AI.
const NAMED_PREFIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^PAYPAL\b\s*\*?/, "paypal"],
  [/^STRIPE(?:\.COM)?\b\s*\*?/, "stripe"],
  [/^PADDLE(?:\.NET|\.COM)?\b\s*\*?/, "paddle"],
  [/^2CO(?:\.COM)?\b\s*\*?/, "2checkout"],
  [/^LEMSQZY\b\s*\*?/, "lemon_squeezy"],
  [/^FASTSPRING\b\s*\*?/, "fastspring"],
  // In-app purchases: the statement names only Apple; the product is in the description.
  [/^APPLE\.COM\s*\/\s*BILL\b\s*\*?/, "apple"],
  [/^ITUNES\.COM\s*\/\s*BILL\b\s*\*?/, "apple"],
];

// Billing words, legal forms and the top-level domains of web addresses (".AI" is kept: it names).
const NOISE_WORDS = new Set([
  "SUBSCR", "SUBSCRIPT", "SUBSCRIPTION", "SUBSCRIPTIONS", "SUBS", "MONTHLY", "MTHLY", "ANNUAL",
  "YEARLY", "RECURRING", "RENEWAL", "PAYMENT", "PMT", "PURCHASE", "BILLING", "INVOICE", "INV",
  "REF", "ORDER", "TXN", "TRANSACTION", "CHARGE", "INC", "LLC", "LTD", "LIMITED", "CORP",
  "CORPORATION", "COMPANY", "GMBH", "SAS", "SARL", "BV", "PBC", "PLC", "COM", "NET", "ORG", "IO",
  "CO", "C", "WWW", "USD", "EUR", "GBP",
]);

// Places that card networks append after the merchant: state and country codes, cities.
const PLACE_WORDS = new Set([
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
  "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
  "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
  "WV", "WI", "WY", "US", "USA", "GB", "GBR", "UK", "IE", "IRL", "NL", "NLD", "DEU", "FR", "FRA",
  "CAN", "SG", "SGP", "AU", "AUS", "SE", "SWE", "CH", "CHE", "IL", "ISR", "LU", "LUX", "EE", "EST",
  "LONDON", "DUBLIN", "PARIS", "BERLIN", "AMSTERDAM", "TORONTO", "MONTREAL", "VANCOUVER",
  "SEATTLE", "REDMOND", "BELLEVUE", "AUSTIN", "BOSTON", "CHICAGO", "SUNNYVALE", "BROOKLYN",
  "STOCKHOLM", "SINGAPORE", "DOVER", "WILMINGTON", "CUPERTINO", "OAKLAND", "BERKELEY",
  "SAN FRANCISCO", "SOUTH SAN FRANCISCO", "NEW YORK", "PALO ALTO", "MOUNTAIN VIEW",
  "SAN MATEO", "REDWOOD CITY", "LOS ANGELES", "MENLO PARK", "SAN JOSE", "TEL AVIV",
]);
const MAX_PLACE_WORDS = 3;

// Reference numbers, phone numbers, dates and order ids, not names: all digits, four or more
// digits, or letters and digits interleaved ("4DFF2", "A1B2C3"). Names keep one short run of
// digits ("AI21", "11LABS", "V0", "M365").
function isReference(token: string): boolean {
  if (/^\d+$/.test(token)) return true;
  const digitRuns = token.match(/\d+/g) ?? [];
  const digits = digitRuns.join("").length;
  return digits >= 4 || (token.length >= 5 && digitRuns.length >= 2);
}

function stripProcessorPrefixes(text: string): { text: string; processor: string | null } {
  let rest = text.trimStart();
  let processor: string | null = null;
  // A processor may wrap another (PAYPAL *SQ *...); a few rounds are enough.
  for (let round = 0; round < 3; round++) {
    const hit = [...STARRED_PREFIXES, ...NAMED_PREFIXES].find(([pattern]) => pattern.test(rest));
    if (!hit) break;
    processor ??= hit[1];
    rest = rest.replace(hit[0], "").trimStart();
  }
  return { text: rest, processor };
}

// `keep` words always stay, so a merchant named like a place is not erased; after a processor
// prefix ("APPLE.COM/BILL ... CA") nothing needs to stay.
function stripTrailingPlaces(tokens: string[], keep: number): string[] {
  const out = [...tokens];
  let changed = true;
  while (changed && out.length > keep) {
    changed = false;
    for (let size = Math.min(MAX_PLACE_WORDS, out.length - keep); size >= 1; size--) {
      if (PLACE_WORDS.has(out.slice(out.length - size).join(" "))) {
        out.length -= size;
        changed = true;
        break;
      }
    }
  }
  return out;
}

function splitWords(text: string): string[] {
  return text.split(/[^A-Z0-9]+/).filter((token) => token.length > 0);
}

/** Reduces a card-statement merchant text to its naming words, robust to case, punctuation, processor prefixes and trailing references. */
export function normalizeMerchant(text: string): NormalizedMerchant {
  const upper = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    // "CLAUDE'S" is one word, not CLAUDE + S.
    .replace(/['’`]/g, "")
    // Web addresses, also when a statement glues them on ("HTTPSOPENAI.C").
    .replace(/\bHTTPS?(?::\/\/|:)?/g, " ")
    .replace(/\bWWW\./g, " ")
    // Google's billing help address, printed after every Google charge.
    .replace(/\bG\.CO\s*\/\s*HELPPAY#?/g, " ");
  const rawTokens = splitWords(upper);
  const { text: rest, processor } = stripProcessorPrefixes(upper);
  // A repeated word is the merchant's website field repeating its name ("OPENAI *CHATGPT SUBSCR
  // HTTPSOPENAI.C"): the first one is kept.
  const words = [...new Set(splitWords(rest).filter((token) => !isReference(token) && !NOISE_WORDS.has(token)))];
  const tokens = stripTrailingPlaces(words, processor ? 0 : 1);
  return { cleaned: tokens.join(" "), tokens, rawTokens, processor };
}
