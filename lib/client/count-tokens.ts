/** A token count from a provider's usage: missing, null, negative or non-numeric counts are 0; fractions are dropped. */
export function countTokens(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}
