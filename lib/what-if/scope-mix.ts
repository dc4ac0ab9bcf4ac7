import { exact, sum, toDecimal } from "./exact";
import type { TokenMixRow } from "./types";

/** A roll-up row of the window: one model's usage for one feature × workflow ('' when untagged). */
export type ScopedMixRow = TokenMixRow & { feature: string; workflow: string };

/** Which calls a tool looks at: the whole organization, one feature or one workflow. */
export type MixScope = { kind: "all" } | { kind: "feature" | "workflow"; value: string };

/** The label people read for a stored dimension value ('' is a call without that tag). */
export const untaggedLabel = (value: string): string => (value === "" ? "(untagged)" : value);

/** The scope's token mix per model, summed exactly, dearest first. */
export function mixForScope(rows: readonly ScopedMixRow[], scope: MixScope): TokenMixRow[] {
  const byModel = new Map<string, ScopedMixRow[]>();
  for (const row of rows) {
    if (scope.kind !== "all" && row[scope.kind] !== scope.value) continue;
    const key = `${row.provider}\n${row.model}`;
    byModel.set(key, [...(byModel.get(key) ?? []), row]);
  }
  const mix = [...byModel.values()].map((group): TokenMixRow => {
    const total = (pick: (row: ScopedMixRow) => number) => group.reduce((n, row) => n + pick(row), 0);
    return {
      provider: group[0].provider,
      model: group[0].model,
      calls: total((r) => r.calls),
      inputTokens: total((r) => r.inputTokens),
      cachedInputTokens: total((r) => r.cachedInputTokens),
      cacheWriteTokens: total((r) => r.cacheWriteTokens),
      outputTokens: total((r) => r.outputTokens),
      reasoningTokens: total((r) => r.reasoningTokens),
      costUsd: toDecimal(sum(group.map((r) => exact(r.costUsd)))),
      unpricedCalls: total((r) => r.unpricedCalls),
    };
  });
  return mix.sort((a, b) => compareCost(b.costUsd, a.costUsd) || a.model.localeCompare(b.model));
}

/** The features or workflows that have calls in the window, dearest first. */
export function listScopeValues(rows: readonly ScopedMixRow[], kind: "feature" | "workflow"): string[] {
  const cost = new Map<string, bigint>();
  for (const row of rows) cost.set(row[kind], (cost.get(row[kind]) ?? BigInt(0)) + exact(row.costUsd));
  return [...cost.entries()].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : a[0].localeCompare(b[0]))).map(([value]) => value);
}

function compareCost(a: string, b: string): number {
  const diff = exact(a) - exact(b);
  return diff > BigInt(0) ? 1 : diff < BigInt(0) ? -1 : 0;
}
