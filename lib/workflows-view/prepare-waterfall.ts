import { toUnits } from "@/lib/format/decimal";
import { formatUsdUnit } from "@/lib/format/format-money";
import type { RunDetail } from "@/lib/runs/get-run";

/** The smallest bar width, in percent of the run's span, so zero-latency calls stay visible. */
export const MIN_BAR_PCT = 0.5;

/** One row of the waterfall, decided: where its bar sits, how it reads, whether it is the dearest. */
export type WaterfallRow = {
  id: string;
  anchor: string;
  index: number;
  label: string;
  model: string;
  provider: string;
  status: "ok" | "error";
  offsetLabel: string;
  latencyLabel: string;
  leftPct: number;
  widthPct: number;
  tokens: { input: number; output: number; cached: number; reasoning: number };
  costLabel: string;
  /** The call's share of the run's cost, 0..1 (0 when the run cost nothing). */
  costShare: number;
  costShareLabel: string;
  mostExpensive: boolean;
};

export type Waterfall = { rows: WaterfallRow[]; spanMs: number; mostExpensiveAnchor: string | null };

const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

/** Milliseconds as people read them: "850 ms", "2.4 s"; an en dash when unknown. */
export function formatMs(ms: number | null): string {
  if (ms === null) return "–";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** The anchor id of a call's row, for "jump to the most expensive call". */
export function callAnchor(id: string): string {
  return `call-${id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/**
 * Lays out a run's calls as a waterfall: each bar starts at the call's offset and is as wide as
 * its latency, in percent of the run's span (the end of its last call); calls without latency
 * and zero-latency calls get the minimum width. Flags the API's most expensive call and gives
 * each call its share of the run's cost, computed on exact units.
 */
export function prepareWaterfall(run: Pick<RunDetail, "calls" | "cost_usd" | "most_expensive_call_id">): Waterfall {
  const spanMs = Math.max(0, ...run.calls.map((c) => c.offset_ms + (c.latency_ms ?? 0)));
  const total = toUnits(run.cost_usd);
  const rows = run.calls.map((call, index): WaterfallRow => {
    const scale = spanMs === 0 ? 0 : 100 / spanMs;
    const leftPct = Math.min(call.offset_ms * scale, 100 - MIN_BAR_PCT);
    const widthPct = Math.min(Math.max((call.latency_ms ?? 0) * scale, MIN_BAR_PCT), 100 - leftPct);
    // Ratio of bigints scaled to parts per million, so the share is exact before the float.
    const costShare = total === BigInt(0) ? 0 : Number((toUnits(call.cost_usd) * BigInt(1_000_000)) / total) / 1_000_000;
    return {
      id: call.id,
      anchor: callAnchor(call.id),
      index: index + 1,
      label: call.step ?? call.operation,
      model: call.model,
      provider: call.provider,
      status: call.status === "error" ? "error" : "ok",
      offsetLabel: `+${formatMs(call.offset_ms)}`,
      latencyLabel: formatMs(call.latency_ms),
      leftPct,
      widthPct,
      tokens: { input: call.input_tokens, output: call.output_tokens, cached: call.cached_input_tokens, reasoning: call.reasoning_tokens },
      costLabel: formatUsdUnit(call.cost_usd),
      costShare,
      costShareLabel: percent.format(costShare),
      mostExpensive: call.id === run.most_expensive_call_id,
    };
  });
  return { rows, spanMs, mostExpensiveAnchor: run.most_expensive_call_id === null ? null : callAnchor(run.most_expensive_call_id) };
}
