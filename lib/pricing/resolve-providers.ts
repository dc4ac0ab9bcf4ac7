/** The LiteLLM providers whose prices apply to a Marginal provider, most specific first. */
export type CatalogProviders = {
  /** The provider's own listings. */
  primary: string[];
  /** The same models sold elsewhere at list price, tried only when the primary listings fail. */
  fallback: string[];
};

// Spellings seen in SDKs and in OpenTelemetry's `gen_ai.provider.name` / `gen_ai.system`.
const ALIASES: Record<string, string> = {
  gemini: "google",
  google_genai: "google",
  "google-genai": "google",
  google_ai_studio: "google",
  "gcp.gemini": "google",
  "gcp.gen_ai": "google",
  vertex: "vertex_ai",
  vertexai: "vertex_ai",
  google_vertex: "vertex_ai",
  "gcp.vertex_ai": "vertex_ai",
  azure: "azure_openai",
  "azure.ai.openai": "azure_openai",
  "az.ai.openai": "azure_openai",
  "azure.ai.inference": "azure_ai",
  "az.ai.inference": "azure_ai",
  "aws.bedrock": "bedrock",
  aws_bedrock: "bedrock",
  amazon_bedrock: "bedrock",
  mistral_ai: "mistral",
  mistralai: "mistral",
  x_ai: "xai",
  "x-ai": "xai",
  "ibm.watsonx.ai": "watsonx",
  together: "together_ai",
  fireworks: "fireworks_ai",
  alibaba: "dashscope",
  "self-hosted": "self_hosted",
  selfhosted: "self_hosted",
};

// `vertex_ai*` stands for every Vertex AI listing (language, Anthropic, Mistral, Llama, … models).
const PROVIDERS: Record<string, CatalogProviders> = {
  openai: { primary: ["openai", "text-completion-openai"], fallback: [] },
  // Azure OpenAI deployments carry OpenAI's list prices when LiteLLM has no Azure listing.
  azure_openai: { primary: ["azure", "azure_text"], fallback: ["openai", "text-completion-openai"] },
  azure_ai: { primary: ["azure_ai"], fallback: [] },
  anthropic: { primary: ["anthropic"], fallback: ["vertex_ai-anthropic_models"] },
  google: { primary: ["gemini", "vertex_ai-language-models", "vertex_ai*"], fallback: ["anthropic"] },
  vertex_ai: { primary: ["vertex_ai-language-models", "vertex_ai*", "gemini"], fallback: ["anthropic"] },
  bedrock: { primary: ["bedrock", "bedrock_converse", "bedrock_mantle"], fallback: ["anthropic"] },
  mistral: { primary: ["mistral", "codestral", "text-completion-codestral"], fallback: [] },
  cohere: { primary: ["cohere", "cohere_chat"], fallback: [] },
  fireworks_ai: { primary: ["fireworks_ai", "fireworks_ai-embedding-models"], fallback: [] },
  // Self-hosted models have no list price: only an organization's custom price applies.
  self_hosted: { primary: [], fallback: [] },
};

/** Marginal's canonical name for a provider: lower-case, with common aliases folded. */
export function normalizeProvider(provider: string): string {
  const name = provider.trim().toLowerCase();
  return ALIASES[name] ?? name;
}

/** The catalog providers for a Marginal provider; an unknown one is taken as LiteLLM's own name. */
export function listCatalogProviders(provider: string, known: ReadonlySet<string>): CatalogProviders {
  const name = normalizeProvider(provider);
  const mapped = PROVIDERS[name] ?? { primary: [name, name.replace(/-/g, "_")], fallback: [] };
  const expand = (patterns: string[]) => {
    const out: string[] = [];
    for (const pattern of patterns) {
      const matches = pattern.endsWith("*")
        ? [...known].filter((p) => p.startsWith(pattern.slice(0, -1))).sort()
        : known.has(pattern) ? [pattern] : [];
      for (const match of matches) if (!out.includes(match)) out.push(match);
    }
    return out;
  };
  const primary = expand(mapped.primary);
  return { primary, fallback: expand(mapped.fallback).filter((p) => !primary.includes(p)) };
}
