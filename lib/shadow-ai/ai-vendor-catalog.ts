export const AI_VENDOR_CATEGORIES = [
  "chat_assistant",
  "coding_assistant",
  "image",
  "audio",
  "video",
  "writing",
  "translation",
  "presentation",
  "meeting",
  "search",
  "api_provider",
  "agent_platform",
] as const;

export type AiVendorCategory = (typeof AI_VENDOR_CATEGORIES)[number];

/**
 * How a product appears on a card statement. A string names it on its own (matched as a whole
 * word sequence). An object is a name that is also an ordinary word or another business
 * ("CURSOR", "GITHUB", "NOTION"): it counts only when one of `requires` appears elsewhere in the
 * statement text or the transaction's description.
 */
export type MerchantPattern = string | { readonly match: string; readonly requires: readonly string[] };

export type AiVendor = {
  /** Stable slug, used as the finding's vendor key. */
  readonly id: string;
  readonly vendor: string;
  readonly product: string;
  readonly category: AiVendorCategory;
  /** Billed by usage through an API (compared against tracked cost), not per seat. */
  readonly apiProvider: boolean;
  readonly website: string;
  readonly merchantPatterns: readonly MerchantPattern[];
};

type AiVendorInput = Omit<AiVendor, "apiProvider"> & { apiProvider?: boolean };

// Words that show a domain, an AI product or an app rather than, say, a shop of the same name.
const WEB = ["AI", "COM", "APP", "IO", "DEV"] as const;

function deepFreeze(vendors: AiVendorInput[]): readonly AiVendor[] {
  return Object.freeze(
    vendors.map((input) =>
      Object.freeze({
        ...input,
        apiProvider: input.apiProvider ?? input.category === "api_provider",
        merchantPatterns: Object.freeze(
          input.merchantPatterns.map((pattern) =>
            typeof pattern === "string" ? pattern : Object.freeze({ match: pattern.match, requires: Object.freeze([...pattern.requires]) }),
          ),
        ),
      }),
    ),
  );
}

/**
 * The built-in catalog of AI vendors and products with the merchant texts they bill under.
 * Patterns are written as they appear on statements and normalized like statements; no two
 * entries may share a normalized pattern (a test checks).
 */
export const AI_VENDOR_CATALOG: readonly AiVendor[] = deepFreeze([
  // Chat assistants
  {
    id: "openai-chatgpt",
    vendor: "OpenAI",
    product: "ChatGPT Plus / Pro",
    category: "chat_assistant",
    website: "https://chatgpt.com",
    merchantPatterns: [
      "OPENAI *CHATGPT SUBSCR",
      "CHATGPT",
      "CHATGPT PLUS",
      "CHATGPT PRO",
      "CHATGPT *OPENAI",
      "OPENAI CHATGPT PLUS",
      // API usage bills as plain "OPENAI"; a subscription word makes it ChatGPT.
      { match: "OPENAI", requires: ["SUBSCR", "SUBSCRIPTION", "PLUS"] },
    ],
  },
  {
    id: "openai-chatgpt-business",
    vendor: "OpenAI",
    product: "ChatGPT Team / Business / Enterprise",
    category: "chat_assistant",
    website: "https://chatgpt.com/business",
    merchantPatterns: [
      "CHATGPT TEAM",
      "CHATGPT BUSINESS",
      "CHATGPT ENTERPRISE",
      "OPENAI CHATGPT TEAM",
      "OPENAI CHATGPT BUSINESS",
      "OPENAI CHATGPT ENTERPRISE",
    ],
  },
  {
    id: "anthropic-claude",
    vendor: "Anthropic",
    product: "Claude Pro / Max",
    category: "chat_assistant",
    website: "https://claude.ai",
    merchantPatterns: [
      "CLAUDE.AI SUBSCRIPTION",
      "CLAUDE PRO",
      "CLAUDE MAX",
      "CLAUDE AI PRO",
      "CLAUDE AI MAX",
      "ANTHROPIC *CLAUDE",
      "ANTHROPIC *PRO",
      "ANTHROPIC *MAX",
      // Google Play bills the Claude app under the developer's name.
      "GOOGLE *ANTHROPIC",
      // "CLAUDE" alone is a first name (and a bakery).
      { match: "ANTHROPIC", requires: ["SUBSCR", "SUBSCRIPTION"] },
    ],
  },
  {
    id: "anthropic-claude-team",
    vendor: "Anthropic",
    product: "Claude Team / Enterprise",
    category: "chat_assistant",
    website: "https://claude.ai",
    merchantPatterns: ["CLAUDE TEAM", "CLAUDE ENTERPRISE", "CLAUDE AI TEAM", "CLAUDE AI ENTERPRISE", "ANTHROPIC *TEAM", "ANTHROPIC CLAUDE TEAM"],
  },
  {
    id: "google-gemini",
    vendor: "Google",
    product: "Gemini (Google AI Pro / Ultra, Gemini Advanced)",
    category: "chat_assistant",
    website: "https://gemini.google.com",
    merchantPatterns: [
      "GOOGLE GEMINI",
      "GEMINI ADVANCED",
      "GOOGLE ONE AI PREMIUM",
      "GOOGLE AI PRO",
      "GOOGLE AI ULTRA",
      // "GEMINI" alone is also the crypto exchange; "GOOGLE ONE" alone is storage.
      { match: "GEMINI", requires: ["GOOGLE"] },
      { match: "GOOGLE ONE", requires: ["GEMINI", "AI"] },
    ],
  },
  {
    id: "microsoft-copilot",
    vendor: "Microsoft",
    product: "Copilot Pro / Microsoft 365 Copilot",
    category: "chat_assistant",
    website: "https://copilot.microsoft.com",
    merchantPatterns: [
      "MICROSOFT COPILOT",
      "MSFT COPILOT",
      "COPILOT PRO",
      "M365 COPILOT",
      { match: "MICROSOFT", requires: ["COPILOT"] },
      { match: "MSFT", requires: ["COPILOT"] },
    ],
  },
  {
    id: "xai-grok",
    vendor: "xAI",
    product: "Grok / SuperGrok",
    category: "chat_assistant",
    website: "https://grok.com",
    merchantPatterns: ["GROK", "SUPERGROK"],
  },
  {
    id: "perplexity",
    vendor: "Perplexity AI",
    product: "Perplexity Pro",
    category: "search",
    website: "https://www.perplexity.ai",
    merchantPatterns: ["PERPLEXITY.AI", "PERPLEXITY PRO", { match: "PERPLEXITY", requires: ["AI", "PRO"] }],
  },
  {
    id: "poe",
    vendor: "Quora",
    product: "Poe",
    category: "chat_assistant",
    website: "https://poe.com",
    merchantPatterns: ["QUORA POE", "POE AI", { match: "POE", requires: ["COM", "QUORA"] }],
  },
  {
    id: "character-ai",
    vendor: "Character Technologies",
    product: "Character.AI (c.ai+)",
    category: "chat_assistant",
    website: "https://character.ai",
    merchantPatterns: ["CHARACTER.AI", "CHARACTERAI", "CHARACTER TECHNOLOGIES"],
  },
  {
    id: "mistral-le-chat",
    vendor: "Mistral AI",
    product: "Le Chat Pro",
    category: "chat_assistant",
    website: "https://chat.mistral.ai",
    merchantPatterns: ["MISTRAL LE CHAT", "MISTRAL AI LE CHAT"],
  },
  {
    id: "phind",
    vendor: "Phind",
    product: "Phind Pro",
    category: "search",
    website: "https://www.phind.com",
    merchantPatterns: ["PHIND"],
  },

  // Coding assistants
  {
    id: "github-copilot",
    vendor: "GitHub (Microsoft)",
    product: "GitHub Copilot",
    category: "coding_assistant",
    website: "https://github.com/features/copilot",
    // "GITHUB, INC." alone is repositories and Actions, not AI.
    merchantPatterns: ["GITHUB COPILOT", { match: "GITHUB", requires: ["COPILOT"] }],
  },
  {
    id: "cursor",
    vendor: "Anysphere",
    product: "Cursor",
    category: "coding_assistant",
    website: "https://cursor.com",
    merchantPatterns: [
      "ANYSPHERE",
      "CURSOR AI",
      "CURSOR USAGE",
      "CURSOR PRO",
      "CURSOR.SH",
      { match: "CURSOR", requires: ["IDE", "ANYSPHERE", ...WEB] },
    ],
  },
  {
    id: "windsurf",
    vendor: "Windsurf (Codeium)",
    product: "Windsurf / Codeium",
    category: "coding_assistant",
    website: "https://windsurf.com",
    merchantPatterns: ["CODEIUM", "EXAFUNCTION", "WINDSURF EDITOR", { match: "WINDSURF", requires: ["CODEIUM", "EDITOR", "PRO", ...WEB] }],
  },
  {
    id: "tabnine",
    vendor: "Tabnine",
    product: "Tabnine",
    category: "coding_assistant",
    website: "https://www.tabnine.com",
    merchantPatterns: ["TABNINE"],
  },
  {
    id: "replit",
    vendor: "Replit",
    product: "Replit Core / Agent",
    category: "coding_assistant",
    website: "https://replit.com",
    merchantPatterns: ["REPLIT"],
  },
  {
    id: "lovable",
    vendor: "Lovable",
    product: "Lovable",
    category: "coding_assistant",
    website: "https://lovable.dev",
    merchantPatterns: ["LOVABLE.DEV", "LOVABLE LABS", { match: "LOVABLE", requires: [...WEB] }],
  },
  {
    id: "bolt-new",
    vendor: "StackBlitz",
    product: "Bolt.new",
    category: "coding_assistant",
    website: "https://bolt.new",
    // "BOLT" alone is the ride-hailing company and many others.
    merchantPatterns: ["STACKBLITZ", "BOLT.NEW"],
  },
  {
    id: "vercel-v0",
    vendor: "Vercel",
    product: "v0",
    category: "coding_assistant",
    website: "https://v0.dev",
    // Vercel alone is hosting, not AI.
    merchantPatterns: ["V0.DEV", "V0 APP", { match: "VERCEL", requires: ["V0"] }],
  },
  {
    id: "sourcegraph-cody",
    vendor: "Sourcegraph",
    product: "Cody / Amp",
    category: "coding_assistant",
    website: "https://sourcegraph.com",
    merchantPatterns: ["SOURCEGRAPH", "AMPCODE"],
  },
  {
    id: "jetbrains-ai",
    vendor: "JetBrains",
    product: "JetBrains AI",
    category: "coding_assistant",
    website: "https://www.jetbrains.com/ai",
    // JetBrains alone is IDE licences.
    merchantPatterns: ["JETBRAINS AI", { match: "JETBRAINS", requires: ["AI", "JUNIE"] }],
  },
  {
    id: "cognition-devin",
    vendor: "Cognition",
    product: "Devin",
    category: "coding_assistant",
    website: "https://devin.ai",
    merchantPatterns: ["COGNITION AI", "DEVIN AI", "COGNITION LABS"],
  },

  // Image
  {
    id: "midjourney",
    vendor: "Midjourney",
    product: "Midjourney",
    category: "image",
    website: "https://www.midjourney.com",
    merchantPatterns: ["MIDJOURNEY"],
  },
  {
    id: "stability-ai",
    vendor: "Stability AI",
    product: "Stability AI / DreamStudio",
    category: "image",
    website: "https://stability.ai",
    merchantPatterns: ["STABILITY AI", "STABILITYAI", "DREAMSTUDIO"],
  },
  {
    id: "leonardo-ai",
    vendor: "Leonardo.Ai (Canva)",
    product: "Leonardo",
    category: "image",
    website: "https://leonardo.ai",
    // "LEONARDO" alone is a hotel chain, a name, a restaurant.
    merchantPatterns: ["LEONARDO.AI", "LEONARDOAI", "LEONARDO INTERACTIVE"],
  },
  {
    id: "ideogram",
    vendor: "Ideogram",
    product: "Ideogram",
    category: "image",
    website: "https://ideogram.ai",
    merchantPatterns: ["IDEOGRAM"],
  },
  {
    id: "krea-ai",
    vendor: "Krea",
    product: "Krea AI",
    category: "image",
    website: "https://www.krea.ai",
    merchantPatterns: ["KREA.AI", "KREA LABS"],
  },
  {
    id: "adobe-firefly",
    vendor: "Adobe",
    product: "Firefly",
    category: "image",
    website: "https://firefly.adobe.com",
    // Adobe alone is Creative Cloud and Acrobat; "FIREFLY" alone is many other businesses.
    merchantPatterns: ["ADOBE FIREFLY", { match: "ADOBE", requires: ["FIREFLY"] }],
  },
  {
    id: "canva-ai",
    vendor: "Canva",
    product: "Canva AI (Magic Studio)",
    category: "image",
    website: "https://www.canva.com",
    // Canva is a design suite: a Canva charge is AI spend only when it says so.
    merchantPatterns: ["CANVA AI", "CANVA MAGIC STUDIO", { match: "CANVA", requires: ["AI", "MAGIC"] }],
  },
  {
    id: "playground-ai",
    vendor: "Playground",
    product: "Playground AI",
    category: "image",
    website: "https://playground.com",
    merchantPatterns: ["PLAYGROUND AI", "PLAYGROUNDAI"],
  },

  // Audio
  {
    id: "elevenlabs",
    vendor: "ElevenLabs",
    product: "ElevenLabs",
    category: "audio",
    website: "https://elevenlabs.io",
    merchantPatterns: ["ELEVENLABS", "ELEVEN LABS", "11LABS"],
  },
  {
    id: "suno",
    vendor: "Suno",
    product: "Suno",
    category: "audio",
    website: "https://suno.com",
    merchantPatterns: ["SUNO", "SUNOAI"],
  },
  {
    id: "udio",
    vendor: "Uncharted Labs",
    product: "Udio",
    category: "audio",
    website: "https://www.udio.com",
    merchantPatterns: ["UDIO", "UNCHARTED LABS"],
  },
  {
    id: "murf-ai",
    vendor: "Murf",
    product: "Murf AI",
    category: "audio",
    website: "https://murf.ai",
    merchantPatterns: ["MURF.AI", "MURFAI", "MURF LABS"],
  },
  {
    id: "speechify",
    vendor: "Speechify",
    product: "Speechify",
    category: "audio",
    website: "https://speechify.com",
    merchantPatterns: ["SPEECHIFY"],
  },
  {
    id: "krisp",
    vendor: "Krisp",
    product: "Krisp",
    category: "audio",
    website: "https://krisp.ai",
    merchantPatterns: ["KRISP.AI", "KRISP TECHNOLOGIES", { match: "KRISP", requires: ["TECHNOLOGIES", ...WEB] }],
  },
  {
    id: "assemblyai",
    vendor: "AssemblyAI",
    product: "AssemblyAI API",
    category: "api_provider",
    website: "https://www.assemblyai.com",
    merchantPatterns: ["ASSEMBLYAI", "ASSEMBLY AI"],
  },
  {
    id: "deepgram",
    vendor: "Deepgram",
    product: "Deepgram API",
    category: "api_provider",
    website: "https://deepgram.com",
    merchantPatterns: ["DEEPGRAM"],
  },

  // Video
  {
    id: "runway",
    vendor: "Runway",
    product: "Runway",
    category: "video",
    website: "https://runwayml.com",
    // "RUNWAY" alone is fashion, aviation, a gym.
    merchantPatterns: ["RUNWAYML", "RUNWAY ML", "RUNWAY AI"],
  },
  {
    id: "synthesia",
    vendor: "Synthesia",
    product: "Synthesia",
    category: "video",
    website: "https://www.synthesia.io",
    merchantPatterns: ["SYNTHESIA"],
  },
  {
    id: "heygen",
    vendor: "HeyGen",
    product: "HeyGen",
    category: "video",
    website: "https://www.heygen.com",
    merchantPatterns: ["HEYGEN"],
  },
  {
    id: "pika",
    vendor: "Pika",
    product: "Pika",
    category: "video",
    website: "https://pika.art",
    merchantPatterns: ["PIKA.ART", "PIKA LABS", "PIKA AI"],
  },
  {
    id: "luma-ai",
    vendor: "Luma AI",
    product: "Dream Machine",
    category: "video",
    website: "https://lumalabs.ai",
    merchantPatterns: ["LUMA AI", "LUMALABS", "LUMA LABS", "LUMA DREAM MACHINE"],
  },
  {
    id: "descript",
    vendor: "Descript",
    product: "Descript",
    category: "video",
    website: "https://www.descript.com",
    merchantPatterns: ["DESCRIPT"],
  },
  {
    id: "invideo",
    vendor: "InVideo",
    product: "InVideo AI",
    category: "video",
    website: "https://invideo.io",
    merchantPatterns: ["INVIDEO"],
  },
  {
    id: "opus-clip",
    vendor: "Opus",
    product: "OpusClip",
    category: "video",
    website: "https://www.opus.pro",
    merchantPatterns: ["OPUSCLIP", "OPUS CLIP"],
  },

  // Writing and translation
  {
    id: "grammarly",
    vendor: "Grammarly (Superhuman)",
    product: "Grammarly",
    category: "writing",
    website: "https://www.grammarly.com",
    merchantPatterns: ["GRAMMARLY"],
  },
  {
    id: "jasper",
    vendor: "Jasper",
    product: "Jasper",
    category: "writing",
    website: "https://www.jasper.ai",
    merchantPatterns: ["JASPER.AI", "JASPERAI", { match: "JASPER", requires: ["AI"] }],
  },
  {
    id: "writer",
    vendor: "Writer",
    product: "Writer",
    category: "writing",
    website: "https://writer.com",
    merchantPatterns: [{ match: "WRITER", requires: [...WEB] }],
  },
  {
    id: "copy-ai",
    vendor: "Copy.ai",
    product: "Copy.ai",
    category: "writing",
    website: "https://www.copy.ai",
    merchantPatterns: ["COPY.AI", "COPYAI"],
  },
  {
    id: "quillbot",
    vendor: "QuillBot (Learneo)",
    product: "QuillBot",
    category: "writing",
    website: "https://quillbot.com",
    merchantPatterns: ["QUILLBOT"],
  },
  {
    id: "wordtune",
    vendor: "AI21 Labs",
    product: "Wordtune",
    category: "writing",
    website: "https://www.wordtune.com",
    merchantPatterns: ["WORDTUNE"],
  },
  {
    id: "writesonic",
    vendor: "Writesonic",
    product: "Writesonic",
    category: "writing",
    website: "https://writesonic.com",
    merchantPatterns: ["WRITESONIC"],
  },
  {
    id: "sudowrite",
    vendor: "Sudowrite",
    product: "Sudowrite",
    category: "writing",
    website: "https://www.sudowrite.com",
    merchantPatterns: ["SUDOWRITE"],
  },
  {
    id: "notion-ai",
    vendor: "Notion Labs",
    product: "Notion AI",
    category: "writing",
    website: "https://www.notion.com/product/ai",
    // Notion alone is the workspace: only the AI add-on counts.
    merchantPatterns: ["NOTION AI", { match: "NOTION", requires: ["AI"] }],
  },
  {
    id: "deepl",
    vendor: "DeepL",
    product: "DeepL Pro / API",
    category: "translation",
    website: "https://www.deepl.com",
    merchantPatterns: ["DEEPL"],
  },

  // Presentations
  {
    id: "gamma",
    vendor: "Gamma",
    product: "Gamma",
    category: "presentation",
    website: "https://gamma.app",
    merchantPatterns: ["GAMMA.APP", "GAMMA AI"],
  },
  {
    id: "tome",
    vendor: "Tome",
    product: "Tome",
    category: "presentation",
    website: "https://tome.app",
    merchantPatterns: ["TOME.APP", "TOME AI"],
  },
  {
    id: "beautiful-ai",
    vendor: "Beautiful.ai",
    product: "Beautiful.ai",
    category: "presentation",
    website: "https://www.beautiful.ai",
    merchantPatterns: ["BEAUTIFUL.AI", "BEAUTIFULAI"],
  },

  // Meetings
  {
    id: "otter-ai",
    vendor: "Otter.ai",
    product: "Otter",
    category: "meeting",
    website: "https://otter.ai",
    merchantPatterns: ["OTTER.AI", "OTTERAI"],
  },
  {
    id: "fireflies-ai",
    vendor: "Fireflies.ai",
    product: "Fireflies",
    category: "meeting",
    website: "https://fireflies.ai",
    merchantPatterns: ["FIREFLIES.AI", "FIREFLIESAI"],
  },
  {
    id: "fathom",
    vendor: "Fathom",
    product: "Fathom AI Notetaker",
    category: "meeting",
    website: "https://fathom.video",
    // "FATHOM" alone is also Fathom Analytics and others.
    merchantPatterns: ["FATHOM.VIDEO", "FATHOM AI", "FATHOM NOTETAKER"],
  },
  {
    id: "tldv",
    vendor: "tl;dv",
    product: "tl;dv",
    category: "meeting",
    website: "https://tldv.io",
    merchantPatterns: ["TLDV", "TL;DV"],
  },
  {
    id: "read-ai",
    vendor: "Read AI",
    product: "Read AI",
    category: "meeting",
    website: "https://www.read.ai",
    merchantPatterns: ["READ.AI", "READAI"],
  },
  {
    id: "granola",
    vendor: "Granola",
    product: "Granola",
    category: "meeting",
    website: "https://www.granola.ai",
    // Granola is also breakfast.
    merchantPatterns: ["GRANOLA.AI", "MEETGRANOLA", "GRANOLA LABS"],
  },

  // Agent platforms
  {
    id: "manus",
    vendor: "Manus",
    product: "Manus",
    category: "agent_platform",
    website: "https://manus.im",
    merchantPatterns: ["MANUS.IM", "MANUS AI"],
  },
  {
    id: "relevance-ai",
    vendor: "Relevance AI",
    product: "Relevance AI",
    category: "agent_platform",
    website: "https://relevanceai.com",
    merchantPatterns: ["RELEVANCE AI", "RELEVANCEAI"],
  },
  {
    id: "lindy-ai",
    vendor: "Lindy",
    product: "Lindy",
    category: "agent_platform",
    website: "https://www.lindy.ai",
    merchantPatterns: ["LINDY.AI", "LINDYAI"],
  },

  // API providers
  {
    id: "openai-api",
    vendor: "OpenAI",
    product: "OpenAI API",
    category: "api_provider",
    website: "https://platform.openai.com",
    merchantPatterns: ["OPENAI", "OPENAI *API", "OPENAI OPCO"],
  },
  {
    id: "anthropic-api",
    vendor: "Anthropic",
    product: "Anthropic API (Claude Console)",
    category: "api_provider",
    website: "https://console.anthropic.com",
    merchantPatterns: ["ANTHROPIC", "ANTHROPIC API"],
  },
  {
    id: "google-vertex-ai",
    vendor: "Google",
    product: "Vertex AI / Gemini API",
    category: "api_provider",
    website: "https://cloud.google.com/vertex-ai",
    // Google Cloud alone is every other cloud service.
    merchantPatterns: [
      "VERTEX AI",
      "GEMINI API",
      "GOOGLE AI STUDIO",
      { match: "GOOGLE CLOUD", requires: ["VERTEX", "GEMINI"] },
    ],
  },
  {
    id: "azure-openai",
    vendor: "Microsoft",
    product: "Azure OpenAI / Azure AI Foundry",
    category: "api_provider",
    website: "https://azure.microsoft.com/products/ai-services/openai-service",
    // Azure alone is every other cloud service.
    merchantPatterns: [
      "AZURE OPENAI",
      "AZURE AI FOUNDRY",
      { match: "MICROSOFT AZURE", requires: ["OPENAI", "FOUNDRY"] },
      { match: "MSFT AZURE", requires: ["OPENAI", "FOUNDRY"] },
      { match: "AZURE", requires: ["OPENAI", "FOUNDRY"] },
    ],
  },
  {
    id: "aws-bedrock",
    vendor: "Amazon Web Services",
    product: "Amazon Bedrock",
    category: "api_provider",
    website: "https://aws.amazon.com/bedrock",
    // AWS alone is every other cloud service: Bedrock must be named.
    merchantPatterns: [
      "AMAZON BEDROCK",
      "AWS BEDROCK",
      { match: "AWS", requires: ["BEDROCK"] },
      { match: "AMAZON WEB SERVICES", requires: ["BEDROCK"] },
    ],
  },
  {
    id: "mistral-api",
    vendor: "Mistral AI",
    product: "Mistral API (La Plateforme)",
    category: "api_provider",
    website: "https://mistral.ai",
    // "MISTRAL" alone is a restaurant name and a wind.
    merchantPatterns: ["MISTRAL AI", "MISTRALAI", { match: "MISTRAL", requires: ["AI", "LE", "PLATEFORME"] }],
  },
  {
    id: "cohere",
    vendor: "Cohere",
    product: "Cohere API",
    category: "api_provider",
    website: "https://cohere.com",
    merchantPatterns: ["COHERE AI", "COHERE TECHNOLOGIES", { match: "COHERE", requires: ["API", ...WEB] }],
  },
  {
    id: "groq",
    vendor: "Groq",
    product: "GroqCloud",
    category: "api_provider",
    website: "https://groq.com",
    merchantPatterns: ["GROQ", "GROQCLOUD"],
  },
  {
    id: "together-ai",
    vendor: "Together AI",
    product: "Together AI",
    category: "api_provider",
    website: "https://www.together.ai",
    merchantPatterns: ["TOGETHER AI", "TOGETHERAI", "TOGETHER COMPUTER"],
  },
  {
    id: "fireworks-ai",
    vendor: "Fireworks AI",
    product: "Fireworks AI",
    category: "api_provider",
    website: "https://fireworks.ai",
    // "FIREWORKS" alone sells fireworks.
    merchantPatterns: ["FIREWORKS.AI", "FIREWORKSAI"],
  },
  {
    id: "replicate",
    vendor: "Replicate",
    product: "Replicate",
    category: "api_provider",
    website: "https://replicate.com",
    merchantPatterns: [{ match: "REPLICATE", requires: [...WEB] }],
  },
  {
    id: "hugging-face",
    vendor: "Hugging Face",
    product: "Hugging Face (Pro, Inference, Spaces)",
    category: "api_provider",
    website: "https://huggingface.co",
    merchantPatterns: ["HUGGINGFACE", "HUGGING FACE"],
  },
  {
    id: "openrouter",
    vendor: "OpenRouter",
    product: "OpenRouter",
    category: "api_provider",
    website: "https://openrouter.ai",
    merchantPatterns: ["OPENROUTER"],
  },
  {
    id: "deepseek",
    vendor: "DeepSeek",
    product: "DeepSeek API",
    category: "api_provider",
    website: "https://platform.deepseek.com",
    merchantPatterns: ["DEEPSEEK"],
  },
  {
    id: "xai-api",
    vendor: "xAI",
    product: "xAI API",
    category: "api_provider",
    website: "https://x.ai/api",
    merchantPatterns: ["X.AI", "XAI", "XAI API"],
  },
  {
    id: "ai21-labs",
    vendor: "AI21 Labs",
    product: "AI21 Studio API",
    category: "api_provider",
    website: "https://www.ai21.com",
    merchantPatterns: ["AI21", "AI21 LABS"],
  },
  {
    id: "cerebras",
    vendor: "Cerebras",
    product: "Cerebras Inference",
    category: "api_provider",
    website: "https://www.cerebras.ai",
    merchantPatterns: ["CEREBRAS"],
  },
  {
    id: "deepinfra",
    vendor: "DeepInfra",
    product: "DeepInfra",
    category: "api_provider",
    website: "https://deepinfra.com",
    merchantPatterns: ["DEEPINFRA"],
  },
  {
    id: "voyage-ai",
    vendor: "Voyage AI (MongoDB)",
    product: "Voyage AI embeddings",
    category: "api_provider",
    website: "https://www.voyageai.com",
    merchantPatterns: ["VOYAGE AI", "VOYAGEAI"],
  },
  {
    id: "perplexity-api",
    vendor: "Perplexity AI",
    product: "Perplexity API (Sonar)",
    category: "api_provider",
    website: "https://docs.perplexity.ai",
    merchantPatterns: ["PERPLEXITY API", "PERPLEXITY AI API"],
  },
]);
