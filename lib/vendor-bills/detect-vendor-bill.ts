import type { Vendor } from "./schemas";

/** What a vendor export is: whose, and whether it is a cost report or a usage (tokens) report. */
export type VendorFileKind = { vendor: Vendor; report: "costs" | "usage" };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The first result object of a page's buckets, if any. */
function firstResult(buckets: unknown[]): Record<string, unknown> | null {
  for (const bucket of buckets) {
    if (!isRecord(bucket)) continue;
    const results = Array.isArray(bucket.results) ? bucket.results : Array.isArray(bucket.result) ? bucket.result : [];
    const result = results.find(isRecord);
    if (result) return result;
  }
  return null;
}

const USAGE_FIELDS = ["uncached_input_tokens", "cache_read_input_tokens", "input_tokens", "output_tokens", "num_model_requests"];

/**
 * Tells one page's vendor by its shape: OpenAI pages say `object: "page"` and time buckets in Unix
 * seconds (`start_time`); Anthropic's buckets carry RFC 3339 `starting_at`. A page whose results
 * count tokens and carry no `amount` is a usage report. null when the page shows neither.
 */
export function detectVendorPage(page: unknown): VendorFileKind | null {
  if (!isRecord(page) || !Array.isArray(page.data)) return null;
  const bucket = page.data.find(isRecord);
  let vendor: Vendor | null = null;
  if (bucket && "start_time" in bucket) vendor = "openai";
  else if (bucket && "starting_at" in bucket) vendor = "anthropic";
  else if (page.object === "page") vendor = "openai";
  if (!vendor) return null;

  const result = firstResult(page.data);
  const object = typeof result?.object === "string" ? result.object : "";
  const isUsage =
    object.startsWith("organization.usage.") || (result !== null && !("amount" in result) && USAGE_FIELDS.some((field) => field in result));
  return { vendor, report: isUsage ? "usage" : "costs" };
}
