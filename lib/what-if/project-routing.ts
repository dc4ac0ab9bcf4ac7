import { costAtRates, toMonthly } from "./cost-at-rates";
import { div, exact, mul, sum, toDecimal, toPlain } from "./exact";
import { MONTH_DAYS, type ModelRates, type TokenMixRow, type WorkingLine } from "./types";

/** What the routing tool needs: a scope's token mix, the models and the share of calls to move. */
export type RoutingInput = {
  /** Every model the scope (a feature, a workflow or the whole organization) used in the window. */
  mix: readonly TokenMixRow[];
  windowDays: number;
  from: { provider: string; model: string };
  to: { provider: string; model: string; rates: ModelRates };
  /** Percent of the from-model's calls to move, 0–100, decimal string. */
  sharePct: string;
};

/** The routing projection with its working; amounts are decimal strings (10 places). */
export type RoutingResult = {
  moved_calls: string;
  /** The moved calls' window cost as stored, and at the to-model's rates. */
  moved_cost_usd: string;
  moved_cost_at_target_usd: string;
  before_monthly_usd: string;
  after_monthly_usd: string;
  saving_monthly_usd: string;
  /** Saving as a percentage of the scope's monthly cost, 2 places; null when the scope cost nothing. */
  saving_pct: string | null;
  inputs: WorkingLine[];
  formula: WorkingLine[];
  notes: string[];
};

const key = (provider: string, model: string) => `${provider}\n${model}`;

/**
 * Moves `sharePct` of one model's calls to another with the same tokens (SPEC 9, routing):
 * saving = share × (stored cost of the from-model's calls − the same tokens at the to-model's
 * rates), scaled from the window to a 30-day month.
 */
export function projectRouting(input: RoutingInput): RoutingResult {
  const share = div(exact(input.sharePct), exact(100));
  const source = input.mix.find((row) => key(row.provider, row.model) === key(input.from.provider, input.from.model));
  const total = sum(input.mix.map((row) => exact(row.costUsd)));
  const fromCost = source ? exact(source.costUsd) : BigInt(0);
  const fromAtTarget = source ? costAtRates(source, input.to.rates) : BigInt(0);
  const movedCost = mul(share, fromCost);
  const movedAtTarget = mul(share, fromAtTarget);
  const before = toMonthly(total, input.windowDays);
  const after = toMonthly(total - movedCost + movedAtTarget, input.windowDays);
  const saving = before - after;
  const notes: string[] = [];
  if (!source) notes.push(`${input.from.model} has no calls in this scope: nothing to move.`);
  if (source && source.unpricedCalls > 0) notes.push(`${source.unpricedCalls} of its calls are unpriced (cost 0), so the saving is understated.`);
  if (key(input.from.provider, input.from.model) === key(input.to.provider, input.to.model)) notes.push("The two models are the same.");
  notes.push(`${input.to.model} is priced at its base rates (${input.to.rates.priceKey}); tiers above a context threshold are not applied to the moved calls.`);
  notes.push("Assumes the moved calls use the same tokens on the new model and still succeed.");
  return {
    moved_calls: toPlain(mul(share, exact(source?.calls ?? 0)), 2),
    moved_cost_usd: toDecimal(movedCost),
    moved_cost_at_target_usd: toDecimal(movedAtTarget),
    before_monthly_usd: toDecimal(before),
    after_monthly_usd: toDecimal(after),
    saving_monthly_usd: toDecimal(saving),
    saving_pct: before === BigInt(0) ? null : toDecimal(mul(div(saving, before), exact(100)), 2),
    inputs: [
      { label: "Window", value: `${Number(input.windowDays.toFixed(3))} days, scaled to a ${MONTH_DAYS}-day month` },
      { label: "Scope cost in the window", value: toDecimal(total) },
      { label: `${input.from.model} calls / cost in the window`, value: `${source?.calls ?? 0} / ${toDecimal(fromCost)}` },
      { label: `${input.from.model} tokens (input, cached, cache write, output, reasoning)`, value: tokenList(source) },
      { label: `${input.to.model} rates per 1M tokens (input, cached, cache write, output, reasoning)`, value: ratesPerMillion(input.to.rates) },
      { label: "Share moved", value: `${toPlain(exact(input.sharePct), 4)}%` },
    ],
    formula: [
      { label: `Same tokens at ${input.to.model}'s rates`, value: toDecimal(fromAtTarget) },
      { label: "Saving in the window", value: `${toPlain(share, 6)} × (${toDecimal(fromCost)} − ${toDecimal(fromAtTarget)}) = ${toDecimal(movedCost - movedAtTarget)}` },
      { label: "Monthly saving", value: `${toDecimal(movedCost - movedAtTarget)} × ${MONTH_DAYS} ÷ window days = ${toDecimal(saving)}` },
      { label: "Monthly cost before → after", value: `${toDecimal(before)} → ${toDecimal(after)}` },
    ],
    notes,
  };
}

function tokenList(row: TokenMixRow | undefined): string {
  if (!row) return "none";
  return [row.inputTokens, row.cachedInputTokens, row.cacheWriteTokens, row.outputTokens, row.reasoningTokens].map((n) => n.toLocaleString("en-US")).join(", ");
}

/** Rates as dollars per million tokens, the way price lists show them. */
export function ratesPerMillion(rates: ModelRates): string {
  const perMillion = (rate: string): string => `$${toPlain(mul(exact(rate), exact(1_000_000)), 6)}`;
  return [rates.input, rates.cacheRead, rates.cacheWrite, rates.output, rates.reasoning].map(perMillion).join(", ");
}

