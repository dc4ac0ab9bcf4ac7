import { decomposeCostChange } from "@/lib/change-analysis/decompose-cost-change";
import { PriceDecimal, type Decimal } from "@/lib/pricing/decimal";

/** One model's usage in a day of a series. A baseline day may hold fractions (a scaled average). */
export type ModelDay = { model: string; calls: number | string; tokens: number | string; costUsd: string };
/** The series' workflow runs that started that day: how many, their calls (steps) and failed calls. */
export type RunStats = { runs: number | string; steps: number | string; errors: number | string };
/** A day of one feature or workflow, as the cause analysis compares it; `runs` is null when unknown. */
export type SeriesDay = { models: readonly ModelDay[]; runs: RunStats | null };

export const CAUSE_KINDS = ["volume", "retries_errors", "tokens_per_call", "model_mix", "unit_price"] as const;
/** SPEC 5's likely causes, plus a price change (a discount ending, a dearer price version). */
export type CauseKind = (typeof CAUSE_KINDS)[number];

/** A day's shape, for the detail line and the page. */
export type DayShape = {
  calls: number;
  costUsd: string;
  tokensPerCall: number | null;
  costPerCallUsd: string | null;
  runs: number | null;
  callsPerRun: number | null;
  /** Failed calls ÷ calls, inside runs (the only place errors are counted per day). */
  errorRate: number | null;
};

/** The dominant cause of a change, the numbers behind it, and the whole split. */
export type LikelyCause = {
  kind: CauseKind;
  detail: string;
  /** The dominant effect ÷ the change (above 1 when other effects pull the other way). */
  share: number;
  /** The change split into effects that add up to `changeUsd` exactly (10 places). */
  effects: Record<CauseKind, string>;
  changeUsd: string;
  today: DayShape;
  baseline: DayShape;
};

const PLACES = 10;
const D = (value: number | string | Decimal) => new PriceDecimal(value instanceof PriceDecimal ? value : String(value));
const ZERO = D(0);
const round = (d: Decimal) => d.toDecimalPlaces(PLACES, PriceDecimal.ROUND_HALF_EVEN);
const money = (d: Decimal) => round(d).toFixed(PLACES);
const ratioOrNull = (a: Decimal, b: Decimal) => (b.isZero() ? null : a.dividedBy(b));
const num = (d: Decimal | null, places = 2) => (d === null ? null : Number(d.toDecimalPlaces(places).toString()));
const fmt = (n: number, places = 0) => n.toLocaleString("en-US", { maximumFractionDigits: places, minimumFractionDigits: places });
const pct = (n: number) => `${fmt(n * 100, 1)}%`;
const signedPct = (d: Decimal) => `${d.isNegative() ? "" : "+"}${fmt(Number(d.times(100).toDecimalPlaces(0)))}%`;
const times = (a: Decimal, b: Decimal) => (b.isZero() ? "new" : `${fmt(Number(a.dividedBy(b).toDecimalPlaces(1)), 1)}×`);

type Totals = { calls: Decimal; tokens: Decimal; cost: Decimal; byModel: Map<string, { calls: Decimal; tokens: Decimal; cost: Decimal }> };

function totalsOf(day: SeriesDay): Totals {
  const byModel = new Map<string, { calls: Decimal; tokens: Decimal; cost: Decimal }>();
  let calls = ZERO;
  let tokens = ZERO;
  let cost = ZERO;
  for (const m of day.models) {
    const entry = byModel.get(m.model) ?? { calls: ZERO, tokens: ZERO, cost: ZERO };
    entry.calls = entry.calls.plus(D(m.calls));
    entry.tokens = entry.tokens.plus(D(m.tokens));
    entry.cost = entry.cost.plus(D(m.costUsd));
    byModel.set(m.model, entry);
    calls = calls.plus(D(m.calls));
    tokens = tokens.plus(D(m.tokens));
    cost = cost.plus(D(m.costUsd));
  }
  return { calls, tokens, cost, byModel };
}

function shapeOf(day: SeriesDay, t: Totals): DayShape {
  const runs = day.runs ? D(day.runs.runs) : null;
  const steps = day.runs ? D(day.runs.steps) : null;
  const errors = day.runs ? D(day.runs.errors) : null;
  const costPerCall = ratioOrNull(t.cost, t.calls);
  return {
    calls: num(t.calls)!,
    costUsd: money(t.cost),
    tokensPerCall: num(ratioOrNull(t.tokens, t.calls), 1),
    costPerCallUsd: costPerCall === null ? null : money(costPerCall),
    runs: runs === null ? null : num(runs),
    callsPerRun: runs && steps ? num(ratioOrNull(steps, runs)) : null,
    errorRate: steps && errors ? num(ratioOrNull(errors, steps), 4) : null,
  };
}

/**
 * Why a day costs more (or less) than its baseline day, split into effects that add up to the
 * change exactly. With N calls at an average cost per call c̄, the change splits with midpoint
 * weights, so no order is favoured (a runaway loop adds calls and grows their context; neither
 * takes the other's share):
 *   calls    = (N₁ − N₀) × (c̄₀ + c̄₁)/2, of which retries/errors = (S₁ − R₁·S₀/R₀) × (c̄₀ + c̄₁)/2,
 *              the calls in runs beyond the baseline calls per run (loops, retries), the rest volume;
 *   per call = (c̄₁ − c̄₀) × (N₀ + N₁)/2, split by `decomposeCostChange` over each model's share of
 *              calls into model mix and each model's cost per call moving, which splits again into
 *              tokens per call (at the baseline price per token) and unit price (the rest).
 * With no baseline calls the whole change is volume. The dominant cause is the largest effect; the
 * detail names the second too when it is at least half as large.
 */
export function likelyCause(today: SeriesDay, baselineDay: SeriesDay): LikelyCause {
  const t1 = totalsOf(today);
  const t0 = totalsOf(baselineDay);
  const change = round(t1.cost.minus(t0.cost));
  const effects: Record<CauseKind, Decimal> = { volume: ZERO, retries_errors: ZERO, tokens_per_call: ZERO, model_mix: ZERO, unit_price: ZERO };

  if (t0.calls.isZero() || t1.calls.isZero()) {
    effects.volume = change;
  } else {
    const c0 = t0.cost.dividedBy(t0.calls);
    const c1 = t1.cost.dividedBy(t1.calls);
    const midCost = c0.plus(c1).dividedBy(2);
    const midCalls = t0.calls.plus(t1.calls).dividedBy(2);
    // Each model's share of calls and its contribution to the cost per call.
    const perCall = (t: Totals) => [...t.byModel].map(([model, m]) => ({ model, tokens: m.calls.dividedBy(t.calls).toString(), costUsd: m.cost.dividedBy(t.calls).toString() }));
    const mixPerCall = D(decomposeCostChange(perCall(t0), perCall(t1)).modelMix);
    let tokensPerCall = ZERO;
    for (const [model, m1] of t1.byModel) {
      const m0 = t0.byModel.get(model);
      if (!m0 || m0.calls.isZero() || m0.tokens.isZero() || m1.calls.isZero()) continue;
      const tokenShift = m1.tokens.dividedBy(m1.calls).minus(m0.tokens.dividedBy(m0.calls));
      tokensPerCall = tokensPerCall.plus(m1.calls.dividedBy(t1.calls).times(tokenShift).times(m0.cost).dividedBy(m0.tokens));
    }
    let extraCalls = ZERO;
    const r0 = baselineDay.runs;
    const r1 = today.runs;
    if (r0 && r1 && !D(r0.runs).isZero()) extraCalls = D(r1.steps).minus(D(r1.runs).times(D(r0.steps)).dividedBy(D(r0.runs)));
    effects.retries_errors = round(extraCalls.times(midCost));
    effects.volume = round(t1.calls.minus(t0.calls).times(midCost)).minus(effects.retries_errors);
    effects.model_mix = round(mixPerCall.times(midCalls));
    effects.tokens_per_call = round(tokensPerCall.times(midCalls));
    effects.unit_price = change.minus(effects.volume).minus(effects.retries_errors).minus(effects.model_mix).minus(effects.tokens_per_call);
  }

  const [kind, second] = [...CAUSE_KINDS].sort((a, b) => effects[b].comparedTo(effects[a]) || CAUSE_KINDS.indexOf(a) - CAUSE_KINDS.indexOf(b));
  const before = shapeOf(baselineDay, t0);
  const after = shapeOf(today, t1);
  const context = { t0, t1, before, after };
  // A close second cause is named too: a runaway loop both adds calls and grows their context.
  const alsoSecond = effects[second].isPositive() && !effects[second].isZero() && effects[second].times(2).greaterThanOrEqualTo(effects[kind]);
  return {
    kind,
    detail: describe(kind, context) + (alsoSecond ? `; also ${describe(second, context)}` : ""),
    share: change.isZero() ? 0 : Number(effects[kind].dividedBy(change).toDecimalPlaces(2).toString()),
    effects: Object.fromEntries(CAUSE_KINDS.map((k) => [k, money(effects[k])])) as Record<CauseKind, string>,
    changeUsd: money(change),
    today: after,
    baseline: before,
  };
}

type Context = { t0: Totals; t1: Totals; before: DayShape; after: DayShape };

function describe(kind: CauseKind, { t0, t1, before, after }: Context): string {
  switch (kind) {
    case "volume":
      return t0.calls.isZero()
        ? `${fmt(after.calls)} calls where a typical day costs nothing`
        : `${fmt(after.calls)} calls vs ${fmt(before.calls)} on a typical day (${times(t1.calls, t0.calls)})`;
    case "retries_errors": {
      const errors = after.errorRate !== null && before.errorRate !== null ? `; failed calls ${pct(after.errorRate)} vs ${pct(before.errorRate)}` : "";
      return `${fmt(after.callsPerRun ?? 0, 1)} calls per run vs ${fmt(before.callsPerRun ?? 0, 1)} (${fmt(after.runs ?? 0)} runs vs ${fmt(before.runs ?? 0, 1)})${errors}`;
    }
    case "tokens_per_call":
      return `${fmt(after.tokensPerCall ?? 0)} tokens per call vs ${fmt(before.tokensPerCall ?? 0)} (${times(D(after.tokensPerCall ?? 0), D(before.tokensPerCall ?? 0))})`;
    case "model_mix": {
      // The model whose share of calls grew the most, weighted by what its calls cost.
      let top: { model: string; weight: Decimal; s0: Decimal; s1: Decimal } | null = null;
      for (const [model, m1] of t1.byModel) {
        const m0 = t0.byModel.get(model);
        const s1 = t1.calls.isZero() ? ZERO : m1.calls.dividedBy(t1.calls);
        const s0 = m0 && !t0.calls.isZero() ? m0.calls.dividedBy(t0.calls) : ZERO;
        const perCall = m0 && !m0.calls.isZero() ? m0.cost.dividedBy(m0.calls) : m1.calls.isZero() ? ZERO : m1.cost.dividedBy(m1.calls);
        const weight = s1.minus(s0).times(perCall);
        if (!top || weight.greaterThan(top.weight)) top = { model, weight, s0, s1 };
      }
      return top ? `${top.model} made ${pct(Number(top.s1))} of calls vs ${pct(Number(top.s0))}` : "a different mix of models";
    }
    case "unit_price": {
      let top: { model: string; effect: Decimal; p0: Decimal; p1: Decimal } | null = null;
      for (const [model, m1] of t1.byModel) {
        const m0 = t0.byModel.get(model);
        if (!m0 || m0.tokens.isZero() || m1.tokens.isZero()) continue;
        const p0 = m0.cost.dividedBy(m0.tokens);
        const p1 = m1.cost.dividedBy(m1.tokens);
        const effect = p1.minus(p0).times(m1.tokens);
        if (!top || effect.greaterThan(top.effect)) top = { model, effect, p0, p1 };
      }
      return top && !top.p0.isZero()
        ? `price per token of ${top.model} ${signedPct(top.p1.dividedBy(top.p0).minus(1))} vs a typical day`
        : "prices per token moved";
    }
  }
}
