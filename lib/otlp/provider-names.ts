// OTel GenAI provider names (current `gen_ai.provider.name` values and the older
// `gen_ai.system` ones) mapped to Marginal's provider names, which the price catalog and the
// events API use. Names not listed keep their own name, lower-cased.
const PROVIDER_ALIASES: Record<string, string> = {
  "aws.bedrock": "bedrock",
  "azure.ai.openai": "azure_openai",
  "az.ai.openai": "azure_openai",
  "azure.ai.inference": "azure_ai",
  "az.ai.inference": "azure_ai",
  "gcp.gemini": "google",
  "gcp.vertex_ai": "google",
  "gcp.gen_ai": "google",
  gemini: "google",
  vertex_ai: "google",
  "ibm.watsonx.ai": "watsonx",
  mistral_ai: "mistral",
  x_ai: "xai",
};

/** Marginal's lower-case provider name for an OTel GenAI provider name; undefined when blank. */
export function normalizeProviderName(otelName: string | undefined): string | undefined {
  if (otelName === undefined) return undefined;
  const lower = otelName.trim().toLowerCase();
  const name = PROVIDER_ALIASES[lower] ?? lower.replace(/[^a-z0-9_.-]+/g, "_").replace(/^[^a-z0-9]+/, "");
  return name === "" ? undefined : name;
}
