import { addDays } from "@/lib/overview/overview-periods";
import { PriceDecimal, type Decimal } from "@/lib/pricing/decimal";
import { fromUnits, toUnits } from "@/lib/format/decimal";
import { detectSpike, type SpikeVerdict } from "./detect-spike";
import { likelyCause, type LikelyCause, type ModelDay, type RunStats, type SeriesDay } from "./likely-cause";
import { BASELINE_DAYS, robustBaseline, type RobustBaseline } from "./robust-baseline";

export const ANOMALY_DIMENSIONS = ["feature", "workflow"] as const;
export type AnomalyDimension = (typeof ANOMALY_DIMENSIONS)[number];

/** One feature's or workflow's usage per local date `YYYY-MM-DD`, by model; a date without usage is absent. */
export type DailySeries = { dimension: AnomalyDimension; value: string; days: ReadonlyMap<string, readonly ModelDay[]> };

/** A day judged a spike, before its cause is known. */
export type SpikeCandidate = {
  dimension: AnomalyDimension;
  value: string;
  date: string;
  costUsd: string;
  baseline: RobustBaseline;
  verdict: SpikeVerdict;
  /** The baseline's dates, oldest first (from the series' first day with usage, at most 28). */
  historyDates: string[];
};

/** A flagged spike: SPEC 5's anomaly, with its size and likely cause; amounts are exact decimal strings. */
export type Anomaly = {
  dimension: AnomalyDimension;
  value: string;
  /** The organization's local date of the spike. */
  date: string;
  costUsd: string;
  baselineMedianUsd: string;
  excessUsd: string;
  /** Cost ÷ baseline median, null when the median is $0. */
  ratio: number | null;
  zScore: number;
  baseline: RobustBaseline;
  cause: LikelyCause;
};

const dayCost = (models: readonly ModelDay[] | undefined) => fromUnits((models ?? []).reduce((sum, m) => sum + toUnits(m.costUsd), BigInt(0)));

/**
 * Judges each of `dates` of each series against the 28 days before it. A series' history starts
 * at its first day with usage among the days given (a feature launched last week has a short
 * history, and no verdict below 7 days); after that a day without usage counts as $0.
 */
export function findSpikeCandidates(series: readonly DailySeries[], dates: readonly string[]): SpikeCandidate[] {
  const candidates: SpikeCandidate[] = [];
  for (const s of series) {
    const first = [...s.days.keys()].reduce<string | null>((min, d) => (min === null || d < min ? d : min), null);
    if (first === null) continue;
    for (const date of dates) {
      const today = s.days.get(date);
      if (!today) continue;
      const historyDates: string[] = [];
      for (let back = BASELINE_DAYS; back >= 1; back--) {
        const d = addDays(date, -back);
        if (d >= first) historyDates.push(d);
      }
      const baseline = robustBaseline(historyDates.map((d) => dayCost(s.days.get(d))));
      if (!baseline) continue;
      const costUsd = dayCost(today);
      const verdict = detectSpike(costUsd, baseline);
      if (verdict.isSpike) candidates.push({ dimension: s.dimension, value: s.value, date, costUsd, baseline, verdict, historyDates });
    }
  }
  return candidates;
}

/**
 * The baseline day the cause analysis compares with: the history's models and runs summed and
 * scaled so the day costs the baseline median, i.e. the usual mix and per-call shape at a
 * typical day's cost. A history that cost nothing gives an empty day.
 */
export function buildBaselineDay(days: readonly (readonly ModelDay[] | undefined)[], runs: readonly (RunStats | undefined)[], medianUsd: string): SeriesDay {
  const byModel = new Map<string, { calls: Decimal; tokens: Decimal; cost: Decimal }>();
  let total = new PriceDecimal(0);
  for (const day of days) {
    for (const m of day ?? []) {
      const entry = byModel.get(m.model) ?? { calls: new PriceDecimal(0), tokens: new PriceDecimal(0), cost: new PriceDecimal(0) };
      entry.calls = entry.calls.plus(String(m.calls));
      entry.tokens = entry.tokens.plus(String(m.tokens));
      entry.cost = entry.cost.plus(m.costUsd);
      byModel.set(m.model, entry);
      total = total.plus(m.costUsd);
    }
  }
  if (total.isZero()) return { models: [], runs: null };
  const k = new PriceDecimal(medianUsd).dividedBy(total);
  const known = runs.filter((r): r is RunStats => r !== undefined);
  const sum = (pick: (r: RunStats) => number | string) => known.reduce((a, r) => a.plus(String(pick(r))), new PriceDecimal(0));
  return {
    models: [...byModel].map(([model, e]) => ({ model, calls: e.calls.times(k).toString(), tokens: e.tokens.times(k).toString(), costUsd: e.cost.times(k).toString() })),
    runs: known.length === 0 ? null : { runs: sum((r) => r.runs).times(k).toString(), steps: sum((r) => r.steps).times(k).toString(), errors: sum((r) => r.errors).times(k).toString() },
  };
}

/** A candidate with its cause: `runsByDate` holds the series' run stats per date (absent: no runs started). */
export function toAnomaly(candidate: SpikeCandidate, series: DailySeries, runsByDate: ReadonlyMap<string, RunStats> | null): Anomaly {
  const baselineDay = buildBaselineDay(
    candidate.historyDates.map((d) => series.days.get(d)),
    runsByDate ? candidate.historyDates.map((d) => runsByDate.get(d) ?? { runs: 0, steps: 0, errors: 0 }) : [],
    candidate.baseline.medianUsd,
  );
  const today: SeriesDay = { models: series.days.get(candidate.date) ?? [], runs: runsByDate ? (runsByDate.get(candidate.date) ?? { runs: 0, steps: 0, errors: 0 }) : null };
  return {
    dimension: candidate.dimension,
    value: candidate.value,
    date: candidate.date,
    costUsd: candidate.costUsd,
    baselineMedianUsd: candidate.baseline.medianUsd,
    excessUsd: candidate.verdict.excessUsd,
    ratio: candidate.verdict.ratio,
    zScore: candidate.verdict.zScore,
    baseline: candidate.baseline,
    cause: likelyCause(today, baselineDay),
  };
}

/** Largest excess first; ties by date, dimension and value so the order is stable. */
export function sortAnomalies(anomalies: Anomaly[]): Anomaly[] {
  return anomalies.sort((a, b) => {
    const diff = toUnits(b.excessUsd) - toUnits(a.excessUsd);
    if (diff !== BigInt(0)) return diff > BigInt(0) ? 1 : -1;
    return a.date < b.date ? 1 : a.date > b.date ? -1 : a.dimension.localeCompare(b.dimension) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  });
}

/** Every spike of the series on `dates`, with its cause, largest first (the pure form of `loadAnomalies`). */
export function findAnomalies(
  series: readonly DailySeries[],
  dates: readonly string[],
  runs: (dimension: AnomalyDimension, value: string) => ReadonlyMap<string, RunStats> | null = () => null,
): Anomaly[] {
  const byKey = new Map(series.map((s) => [`${s.dimension}\n${s.value}`, s]));
  return sortAnomalies(findSpikeCandidates(series, dates).map((c) => toAnomaly(c, byKey.get(`${c.dimension}\n${c.value}`)!, runs(c.dimension, c.value))));
}
