/*
 * The event fields a CSV column can fill, and the header names each is recognised by. Plain data,
 * shared by the server (header mapping) and the browser (the mapping selects, the field guide).
 */

/** How a cell is read: as text, a strict number, or a decimal kept as its text (money). */
export type CellKind = "text" | "integer" | "decimal";

/** One event field a column can map to, named by its path in the wire event (SPEC 2.1). */
export type EventFieldDefinition = {
  field: string;
  label: string;
  group: "Required" | "Usage" | "Cost and result" | "Attribution";
  kind: CellKind;
  required?: boolean;
  /** Other header names that mean this field; matching ignores case, spaces, `_` and `-`. */
  aliases: readonly string[];
  hint: string;
};

export const EVENT_FIELDS: readonly EventFieldDefinition[] = [
  { field: "id", label: "Event id", group: "Required", kind: "text", required: true, aliases: ["event_id"], hint: "Unique per event; importing the same id again counts as a duplicate" },
  { field: "timestamp", label: "Timestamp", group: "Required", kind: "text", required: true, aliases: ["time", "ts", "created_at", "datetime"], hint: "ISO-8601 with a zone, e.g. 2026-10-01T12:00:00Z" },
  { field: "provider", label: "Provider", group: "Required", kind: "text", required: true, aliases: ["vendor"], hint: "Lower-case, e.g. openai, anthropic, self_hosted" },
  { field: "model", label: "Model", group: "Required", kind: "text", required: true, aliases: ["model_name"], hint: "As the provider names it" },
  { field: "operation", label: "Operation", group: "Usage", kind: "text", aliases: ["op"], hint: "chat (default), completion, embedding, image, audio, rerank, tool, other" },
  { field: "usage.input_tokens", label: "Input tokens", group: "Usage", kind: "integer", aliases: ["input_tokens", "prompt_tokens", "input"], hint: "All input tokens, cached ones included" },
  { field: "usage.output_tokens", label: "Output tokens", group: "Usage", kind: "integer", aliases: ["output_tokens", "completion_tokens", "output"], hint: "All output tokens, reasoning included" },
  {
    field: "usage.cached_input_tokens",
    label: "Cached input tokens",
    group: "Usage",
    kind: "integer",
    aliases: ["cached_input_tokens", "cached_tokens", "cache_read_tokens", "cache_read_input_tokens"],
    hint: "Input tokens read from a prompt cache",
  },
  {
    field: "usage.cache_write_tokens",
    label: "Cache write tokens",
    group: "Usage",
    kind: "integer",
    aliases: ["cache_write_tokens", "cache_creation_tokens", "cache_creation_input_tokens"],
    hint: "Input tokens written to a prompt cache",
  },
  { field: "usage.reasoning_tokens", label: "Reasoning tokens", group: "Usage", kind: "integer", aliases: ["reasoning_tokens"], hint: "Part of the output tokens" },
  { field: "cost_usd", label: "Cost (USD)", group: "Cost and result", kind: "decimal", aliases: ["cost"], hint: "A decimal like 0.0012; empty means Marginal prices the call" },
  { field: "latency_ms", label: "Latency (ms)", group: "Cost and result", kind: "integer", aliases: ["latency", "duration_ms"], hint: "Whole milliseconds" },
  { field: "status", label: "Status", group: "Cost and result", kind: "text", aliases: [], hint: "ok (default) or error" },
  { field: "feature", label: "Feature", group: "Attribution", kind: "text", aliases: [], hint: "Missing shows as (untagged)" },
  { field: "team", label: "Team", group: "Attribution", kind: "text", aliases: [], hint: "" },
  { field: "customer", label: "Customer", group: "Attribution", kind: "text", aliases: [], hint: "" },
  { field: "environment", label: "Environment", group: "Attribution", kind: "text", aliases: ["env"], hint: "" },
  { field: "workflow", label: "Workflow", group: "Attribution", kind: "text", aliases: [], hint: "" },
  { field: "run_id", label: "Run id", group: "Attribution", kind: "text", aliases: ["run", "trace_id"], hint: "Groups the calls of one run (decision)" },
  { field: "step", label: "Step", group: "Attribution", kind: "text", aliases: [], hint: "" },
  { field: "user", label: "User", group: "Attribution", kind: "text", aliases: ["user_id"], hint: "" },
];

/** Where tag columns go: `tags.<key>`; a header `tag.<key>` or `tags.<key>` maps there by itself. */
export const TAG_FIELD_PREFIX = "tags.";
const TAG_HEADER = /^tags?\s*[.:]\s*(.+)$/i;

/** A header reduced to what matching compares: lower case, without spaces, `_` and `-`. */
export function normalizeHeader(header: string): string {
  return header.trim().toLowerCase().replace(/[\s_-]+/g, "");
}

const fieldsByName = new Map(EVENT_FIELDS.map((f) => [f.field, f]));
const fieldByHeader = new Map<string, string>();
for (const f of EVENT_FIELDS) {
  const last = f.field.split(".").at(-1)!;
  for (const name of [f.field, last, ...f.aliases]) {
    const key = normalizeHeader(name);
    if (!fieldByHeader.has(key)) fieldByHeader.set(key, f.field);
  }
}

/** The tag key a header names (`tag.region` → `region`), or null when it is not a tag column. */
export function tagKeyOfHeader(header: string): string | null {
  const match = TAG_HEADER.exec(header.trim());
  return match ? match[1].trim() : null;
}

/** The event field a header means on its own, or null when it is not one Marginal knows. */
export function fieldForHeader(header: string): string | null {
  const tag = tagKeyOfHeader(header);
  if (tag) return `${TAG_FIELD_PREFIX}${tag}`;
  return fieldByHeader.get(normalizeHeader(header)) ?? null;
}

/** The definition of a field, tags included (as text). */
export function describeField(field: string): EventFieldDefinition | null {
  if (field.startsWith(TAG_FIELD_PREFIX) && field.length > TAG_FIELD_PREFIX.length) {
    return { field, label: `Tag “${field.slice(TAG_FIELD_PREFIX.length)}”`, group: "Attribution", kind: "text", aliases: [], hint: "" };
  }
  return fieldsByName.get(field) ?? null;
}

/** The required fields, which every import needs a column for. */
export const REQUIRED_FIELDS = EVENT_FIELDS.filter((f) => f.required).map((f) => f.field);
