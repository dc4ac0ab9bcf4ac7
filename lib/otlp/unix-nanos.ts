const NANOS_PER_MILLI = 1_000_000n;

/**
 * A fixed64 nanosecond timestamp as a bigint, or null when absent or 0 (proto3's "unset").
 * Kept in bigint because nanoseconds since 1970 (~1.8e18) are far past a double's exact range.
 */
export function parseUnixNanos(value: string | number | null | undefined): bigint | null {
  if (value === null || value === undefined) return null;
  let nanos: bigint;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return null;
    nanos = BigInt(Math.trunc(value));
  } else {
    if (!/^\d+$/.test(value.trim())) return null;
    nanos = BigInt(value.trim());
  }
  return nanos === 0n ? null : nanos;
}

/** Nanoseconds since the epoch as an ISO-8601 UTC date-time, to the millisecond (what is stored). */
export function unixNanosToIso(nanos: bigint): string {
  return new Date(Number(nanos / NANOS_PER_MILLI)).toISOString();
}

/** The whole milliseconds between two nanosecond timestamps, rounded; null when end is before start. */
export function elapsedMillis(startNanos: bigint, endNanos: bigint | null): number | null {
  if (endNanos === null || endNanos < startNanos) return null;
  return Number((endNanos - startNanos + NANOS_PER_MILLI / 2n) / NANOS_PER_MILLI);
}
