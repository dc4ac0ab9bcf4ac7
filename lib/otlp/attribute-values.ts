import type { OtlpKeyValue } from "./schemas";

/** A span's or resource's attributes by key (the last value wins, as in the SDKs). */
export type AttributeMap = ReadonlyMap<string, unknown>;

/** Attributes as a map from key to their raw OTLP AnyValue. */
export function toAttributeMap(attributes: readonly OtlpKeyValue[] | null | undefined): AttributeMap {
  const map = new Map<string, unknown>();
  for (const kv of attributes ?? []) map.set(kv.key, kv.value);
  return map;
}

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** The trimmed string value of an attribute; undefined when absent, empty or not a string. */
export function readString(map: AttributeMap, key: string): string | undefined {
  const s = field(map.get(key), "stringValue");
  if (typeof s !== "string") return undefined;
  const trimmed = s.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** The first of several keys that holds a string value. */
export function readFirstString(map: AttributeMap, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = readString(map, key);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** A token count read from an attribute: absent, a whole number, or why it is not one. */
export type CountReading = { present: false } | { present: true; value: number } | { present: true; error: string };

const WHOLE = /^\d+$/;

/**
 * Reads a count from `intValue` (a decimal string in OTLP JSON, or a number), or leniently
 * from a whole `doubleValue` or a digits-only `stringValue`, which some instrumentations send.
 */
export function readCount(map: AttributeMap, key: string): CountReading {
  if (!map.has(key)) return { present: false };
  const raw = map.get(key);
  const candidates = [field(raw, "intValue"), field(raw, "doubleValue"), field(raw, "stringValue")];
  const value = candidates.find((c) => c !== undefined && c !== null);
  if (value === undefined) return { present: false };
  const n = typeof value === "string" && WHOLE.test(value.trim()) ? Number(value.trim()) : typeof value === "number" ? value : NaN;
  if (!Number.isSafeInteger(n) || n < 0) return { present: true, error: `${key} must be a whole number of tokens, 0 or more (got ${JSON.stringify(value)})` };
  return { present: true, value: n };
}

/** Whether any attribute key starts with the prefix. */
export function hasKeyWithPrefix(map: AttributeMap, prefix: string): boolean {
  for (const key of map.keys()) if (key.startsWith(prefix)) return true;
  return false;
}
