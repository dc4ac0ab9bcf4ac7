import type fc from "fast-check";

/**
 * fast-check settings from the environment: `FUZZ_RUNS` runs per property (default `defaultRuns`),
 * `FUZZ_SEED` to replay a failure (fast-check prints the seed and path of every failure).
 */
export function fuzzSettings<T>(defaultRuns: number): fc.Parameters<T> {
  const runs = Number(process.env.FUZZ_RUNS ?? defaultRuns);
  const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
  return { numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns, ...(Number.isInteger(seed) ? { seed } : {}) };
}
