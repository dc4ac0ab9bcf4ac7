import { describe, expect, it } from "vitest";
import { AI_VENDOR_CATALOG, type AiVendor } from "./ai-vendor-catalog";
import { createMerchantMatcher, matchMerchant, VETO_WORDS, type MatchConfidence } from "./match-merchant";
import { normalizeMerchant } from "./normalize-merchant";

type Row = readonly [text: string, vendorId: string | null, confidence?: MatchConfidence];

// [statement text, expected vendor id or null, expected confidence when matched]
const STATEMENTS: readonly Row[] = [
  // The three
  ["OPENAI *CHATGPT SUBSCR", "openai-chatgpt", "exact"],
  ["SQ *ANTHROPIC", "anthropic-api", "exact"],
  ["CLAUDE'S BAKERY", null],
  // OpenAI
  ["OPENAI *CHATGPT SUBSCR 8004378901 CA", "openai-chatgpt", "exact"],
  ["OPENAI *CHATGPT SUBSCR HTTPSOPENAI.C CA", "openai-chatgpt", "exact"],
  ["openai *chatgpt subscr san francisco ca", "openai-chatgpt", "exact"],
  ["CHATGPT *PLUS", "openai-chatgpt", "exact"],
  ["CHATGPT*OPENAI.COM", "openai-chatgpt", "exact"],
  ["OPENAI.COM/CHATGPT", "openai-chatgpt", "exact"],
  ["OPENAI *SUBSCR", "openai-chatgpt", "strong"],
  ["OPENAI *CHATGPT TEAM 8004378901 CA", "openai-chatgpt-business", "exact"],
  ["OPENAI", "openai-api", "exact"],
  ["OPENAI LLC SAN FRANCISCO CA 94110 US", "openai-api", "exact"],
  ["OPENAI *API REF#88213344", "openai-api", "exact"],
  ["GOOGLE *CHATGPT G.CO/HELPPAY#", "openai-chatgpt", "strong"],
  // Anthropic
  ["ANTHROPIC SAN FRANCISCO CA", "anthropic-api", "exact"],
  ["STRIPE.COM ANTHROPIC", "anthropic-api", "exact"],
  ["ANTHROPIC, PBC 4155550123", "anthropic-api", "exact"],
  ["CLAUDE.AI SUBSCRIPTION", "anthropic-claude", "exact"],
  ["ANTHROPIC*PRO", "anthropic-claude", "exact"],
  ["ANTHROPIC*CLAUDE SAN FRANCISCO CA", "anthropic-claude", "exact"],
  ["ANTHROPIC *TEAM", "anthropic-claude-team", "exact"],
  ["GOOGLE*ANTHROPIC", "anthropic-claude", "exact"],
  // Processors and references
  ["PAYPAL *MIDJOURNEY 4029357733", "midjourney", "exact"],
  ["MIDJOURNEY INC. SOUTH SAN FRANCISCO CA", "midjourney", "exact"],
  ["PP*ELEVENLABS.IO", "elevenlabs", "exact"],
  ["STRIPE*RUNWAYML.COM NEW YORK NY", "runway", "exact"],
  ["FS *TABNINE", "tabnine", "exact"],
  ["PADDLE.NET* DESCRIPT", "descript", "exact"],
  ["2CO.COM*HEYGEN 877-294-0130", "heygen", "exact"],
  ["CKO*DEEPL SE KOLN", "deepl", "strong"],
  ["TST* PERPLEXITY.AI", "perplexity", "exact"],
  // Coding assistants
  ["CURSOR, AI POWERED IDE", "cursor", "strong"],
  ["CURSOR USAGE MID JUL", "cursor", "strong"],
  ["ANYSPHERE INC", "cursor", "exact"],
  ["CURSOR.COM", "cursor", "strong"],
  ["CURSOR", null],
  ["GITHUB, INC.", null],
  ["GITHUB *COPILOT 877-448-4820 CA", "github-copilot", "exact"],
  ["REPLIT, INC.", "replit", "exact"],
  ["WINDSURF CODEIUM", "windsurf", "strong"],
  ["LOVABLE.DEV STOCKHOLM", "lovable", "exact"],
  ["STACKBLITZ INC", "bolt-new", "exact"],
  ["VERCEL INC.", null],
  ["MICROSOFT*COPILOT PRO", "microsoft-copilot", "strong"],
  ["MSFT * E0400PQRS7 REDMOND WA", null],
  // Others
  ["GRAMMARLY CO* 4DFF2 SAN FRANCISCO", "grammarly", "exact"],
  ["OTTER.AI", "otter-ai", "exact"],
  ["FIREFLIES.AI CORP", "fireflies-ai", "exact"],
  ["SYNTHESIA LTD LONDON GBR", "synthesia", "exact"],
  ["SUNO INC", "suno", "exact"],
  ["HUGGINGFACE.CO", "hugging-face", "exact"],
  ["GROQ INC MOUNTAIN VIEW CA", "groq", "exact"],
  ["TOGETHER AI", "together-ai", "exact"],
  ["OPENROUTER, INC", "openrouter", "exact"],
  ["DEEPSEEK", "deepseek", "exact"],
  ["X.AI LLC", "xai-api", "exact"],
  ["SUPERGROK", "xai-grok", "exact"],
  ["MISTRAL AI PARIS", "mistral-api", "exact"],
  ["GAMMA.APP", "gamma", "exact"],
  ["TL;DV", "tldv", "exact"],
  ["POE.COM", "poe", "strong"],
  ["LEONARDO.AI", "leonardo-ai", "exact"],
  ["AWS BEDROCK", "aws-bedrock", "exact"],
  ["AZURE OPENAI", "azure-openai", "exact"],
  // Look-alikes that are not AI vendors
  ["OPENAIRE CONSULTING", null],
  ["OPEN AIR CINEMA", null],
  ["PERPLEXITY CAFE", null],
  ["CLAUDE BAKERY", null],
  ["TST* CLAUDES BAKERY", null],
  ["SQ *CLAUDE'S CAFE", null],
  ["MISTRAL RESTAURANT", null],
  ["LEONARDO HOTEL LONDON", null],
  ["RUNWAY FITNESS", null],
  ["BOLT.EU RIDE", null],
  ["GEMINI TRUST COMPANY", null],
  ["GOOGLE *GOOGLE ONE", null],
  ["GOOGLE *CLOUD", null],
  ["AMAZON WEB SERVICES AWS.AMAZON.CO WA", null],
  ["MICROSOFT*AZURE", null],
  ["NOTION LABS, INC.", null],
  ["CANVA* I04-12345", null],
  ["ADOBE *CREATIVE CLOUD", null],
  ["JETBRAINS S.R.O.", null],
  ["FIREWORKS SUPERSTORE", null],
  ["JASPER'S MARKET", null],
  ["OTTER CREEK OUTFITTERS", null],
  ["GRANOLA BAR CO", null],
  ["APPLE.COM/BILL 866-712-7753 CA", null],
  ["STARBUCKS STORE 12345", null],
  ["NOTION.SO", null],
  ["GITHUB.COM", null],
  ["CANVA", null],
  ["MSFT *MICROSOFT 365", null],
  ["COPILOT CAR WASH", null],
  ["WRITER'S BLOCK BOOKS", null],
  ["POE'S TAVERN", null],
  ["REPLICATE FURNITURE", null],
  ["VERTEX INC", null],
  ["MISTRAL", null],
  ["HUMAN AI CONSULTING", null],
  ["ZOOM.US 888-799-9666", null],
  ["", null],
];

describe("matchMerchant on card-statement texts", () => {
  it("has a table of at least 60 rows with positives and negatives", () => {
    expect(STATEMENTS.length).toBeGreaterThanOrEqual(60);
    expect(STATEMENTS.filter(([, id]) => id === null).length).toBeGreaterThanOrEqual(20);
  });

  it.each(STATEMENTS.map(([text, vendorId, confidence]) => [text, vendorId, confidence ?? null] as const))("%s → %s", (text, vendorId, confidence) => {
    const match = matchMerchant(text);
    expect(match?.vendorId ?? null).toBe(vendorId);
    if (match && confidence) expect(match.confidence).toBe(confidence);
    if (match) expect(match.source).toBe("statement");
  });

  it("returns the catalog entry's product, category and API flag", () => {
    expect(matchMerchant("OPENAI *CHATGPT SUBSCR")).toEqual({
      vendorId: "openai-chatgpt",
      vendor: "OpenAI",
      product: "ChatGPT Plus / Pro",
      category: "chat_assistant",
      apiProvider: false,
      confidence: "exact",
      matched: "OPENAI CHATGPT",
      source: "statement",
    });
    expect(matchMerchant("SQ *ANTHROPIC")).toMatchObject({ vendor: "Anthropic", category: "api_provider", apiProvider: true });
  });
});

describe("matchMerchant with a description", () => {
  it("takes an ambiguous name's second signal from the description, as a weak match", () => {
    expect(matchMerchant("GITHUB, INC.", "Copilot Business seats")).toMatchObject({ vendorId: "github-copilot", confidence: "weak", source: "statement" });
    expect(matchMerchant("AMAZON WEB SERVICES", "Bedrock usage March")).toMatchObject({ vendorId: "aws-bedrock", confidence: "weak" });
    expect(matchMerchant("MICROSOFT*AZURE", "Azure OpenAI tokens")).toMatchObject({ vendorId: "azure-openai", confidence: "weak" });
    expect(matchMerchant("NOTION LABS, INC.", "Notion AI add-on")).toMatchObject({ vendorId: "notion-ai", confidence: "weak" });
    expect(matchMerchant("GOOGLE *GOOGLE ONE", "Gemini Advanced")).toMatchObject({ vendorId: "google-gemini", confidence: "weak" });
    expect(matchMerchant("GOOGLE *CLOUD 2F9A7C", "Vertex AI Gemini API")).toMatchObject({ vendorId: "google-vertex-ai" });
  });

  it("finds the product of a store's charge in the description", () => {
    expect(matchMerchant("AMZN MKTP US*2K4L81", "Midjourney gift card")).toMatchObject({ vendorId: "midjourney", source: "description" });
    expect(matchMerchant("PAYPAL *8812345678", "ElevenLabs Creator")).toMatchObject({ vendorId: "elevenlabs", confidence: "weak" });
    expect(matchMerchant("GOOGLE *GOOGLE PLAY", "Gemini Advanced")).toMatchObject({ vendorId: "google-gemini", source: "description" });
    expect(matchMerchant("MSFT * E0400PQRS7 REDMOND WA", "Copilot Pro")).toMatchObject({ vendorId: "microsoft-copilot", source: "statement" });
    expect(matchMerchant("APPLE.COM/BILL 866-712-7753 CA", "ChatGPT Plus monthly")).toMatchObject({
      vendorId: "openai-chatgpt",
      confidence: "weak",
      source: "description",
    });
  });

  it("lets the statement decide when it names a vendor", () => {
    expect(matchMerchant("ANYSPHERE", "Claude Pro for J. Smith")?.vendorId).toBe("cursor");
  });

  it("ignores descriptions of non-AI merchants and never overrides a vetoed statement", () => {
    expect(matchMerchant("UBER *TRIP", "ride to the client")).toBeNull();
    expect(matchMerchant("SWEETGREEN 1234", "lunch with the OpenAI team")).toBeNull();
    expect(matchMerchant("GOOGLE *YOUTUBE PREMIUM", "Gemini")).toBeNull();
    expect(matchMerchant("GOOGLE *YOUTUBE PREMIUM", "Gemini Advanced")).toBeNull();
    expect(matchMerchant("CLAUDE'S BAKERY", "Claude AI team lunch")).toBeNull();
    expect(matchMerchant("GITHUB, INC.", "Actions minutes")).toBeNull();
  });
});

describe("the catalog against the matcher", () => {
  const patternText = (entry: AiVendor) =>
    entry.merchantPatterns.map((p) => (typeof p === "string" ? p : `${p.match} ${p.requires[0]}`));

  it.each(AI_VENDOR_CATALOG.map((entry) => [entry.id, entry] as const))("%s matches its own patterns", (_id, entry) => {
    const texts = patternText(entry);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(matchMerchant(text)?.vendorId, text).toBe(entry.id);
  });

  it("has no pattern that normalizes to nothing or to a veto word", () => {
    for (const entry of AI_VENDOR_CATALOG) {
      for (const pattern of entry.merchantPatterns) {
        const { tokens, rawTokens } = normalizeMerchant(typeof pattern === "string" ? pattern : pattern.match);
        expect(tokens.length, `${entry.id}: ${String(pattern)}`).toBeGreaterThan(0);
        expect(rawTokens.filter((t) => VETO_WORDS.has(t)), entry.id).toEqual([]);
      }
    }
  });

  it("gives no two entries the same unconditional pattern", () => {
    const owner = new Map<string, string>();
    for (const entry of AI_VENDOR_CATALOG) {
      for (const pattern of entry.merchantPatterns) {
        if (typeof pattern !== "string") continue;
        const key = normalizeMerchant(pattern).cleaned;
        const previous = owner.get(key);
        if (previous && previous !== entry.id) expect.fail(`"${key}" is claimed by ${previous} and ${entry.id}`);
        owner.set(key, entry.id);
      }
    }
  });

  it("rejects a catalog with a pattern that has no naming words", () => {
    const broken: AiVendor = { ...AI_VENDOR_CATALOG[0], id: "broken", merchantPatterns: ["SUBSCR 12345"] };
    expect(() => createMerchantMatcher([broken])).toThrow(/no naming words/);
  });

  it("matches 20,000 statement lines quickly from its index", () => {
    const lines = STATEMENTS.map(([text]) => text);
    const start = performance.now();
    for (let i = 0; i < 20_000; i++) matchMerchant(`${lines[i % lines.length]} ${i}`);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
