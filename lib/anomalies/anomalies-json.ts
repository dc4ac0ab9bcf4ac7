import type { Anomaly } from "./find-anomalies";

/** An anomaly as the API answers it (snake_case, amounts as exact decimal strings). */
export function toAnomalyJson(a: Anomaly) {
  const shape = (s: Anomaly["cause"]["today"]) => ({
    calls: s.calls,
    cost_usd: s.costUsd,
    tokens_per_call: s.tokensPerCall,
    cost_per_call_usd: s.costPerCallUsd,
    runs: s.runs,
    calls_per_run: s.callsPerRun,
    error_rate: s.errorRate,
  });
  return {
    dimension: a.dimension,
    value: a.value,
    date: a.date,
    cost_usd: a.costUsd,
    baseline_median_usd: a.baselineMedianUsd,
    baseline_mad_usd: a.baseline.madUsd,
    baseline_days: a.baseline.days,
    excess_usd: a.excessUsd,
    ratio: a.ratio,
    z_score: a.zScore,
    cause: {
      kind: a.cause.kind,
      detail: a.cause.detail,
      share: a.cause.share,
      effects_usd: a.cause.effects,
      today: shape(a.cause.today),
      baseline: shape(a.cause.baseline),
    },
  };
}
