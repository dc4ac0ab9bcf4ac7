/** Exponential backoff with full jitter: uniform in [0, min(max, base × 2^attempt)), attempt counting from 0. */
export function computeBackoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  // Full jitter spreads clients that failed together, so they do not all come back at once.
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
