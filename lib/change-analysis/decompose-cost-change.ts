import { Prisma } from "@/lib/db/generated/client";

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

/** One model's spend in a period: its tokens (the volume measure) and its cost. */
export type ModelSpend = { model: string; tokens: bigint | number | string; costUsd: string };

/** How a cost change splits: the three effects add up to `change` exactly. */
export type CostChangeDecomposition = {
  before: string;
  after: string;
  change: string;
  /** More or fewer tokens, at the first period's average price per token. */
  volume: string;
  /** A different split of tokens across models, at each model's first-period price. */
  modelMix: string;
  /** Each model's price per token moving (list prices, discounts, caching), at the new mix. */
  unitPrice: string;
  models: { model: string; before: string; after: string; change: string; share_before: string; share_after: string }[];
};

const PLACES = 10;

/**
 * Splits the change in cost between two periods into volume, model-mix and unit-price effects
 * (a standard index decomposition over tokens):
 *   volume     = (T₁ − T₀) × p̄₀                        p̄₀ = C₀ ÷ T₀
 *   model mix  = T₁ × Σₘ (s₁ₘ − s₀ₘ) × p₀ₘ              sₘ = tokensₘ ÷ T, pₘ = costₘ ÷ tokensₘ
 *   unit price = T₁ × Σₘ s₁ₘ × (p₁ₘ − p₀ₘ)
 * which add up to C₁ − C₀. A model new in the second period is valued at its own price (it is mix,
 * not price); with no tokens before, the whole change is volume. Effects are rounded to 10
 * places and the unit-price effect takes the rounding remainder, so the three add up exactly.
 */
export function decomposeCostChange(before: readonly ModelSpend[], after: readonly ModelSpend[]): CostChangeDecomposition {
  const collect = (rows: readonly ModelSpend[]) => {
    const byModel = new Map<string, { tokens: Decimal; cost: Decimal }>();
    for (const row of rows) {
      const entry = byModel.get(row.model) ?? { tokens: new Decimal(0), cost: new Decimal(0) };
      entry.tokens = entry.tokens.plus(String(row.tokens));
      entry.cost = entry.cost.plus(row.costUsd);
      byModel.set(row.model, entry);
    }
    const tokens = [...byModel.values()].reduce((sum, e) => sum.plus(e.tokens), new Decimal(0));
    const cost = [...byModel.values()].reduce((sum, e) => sum.plus(e.cost), new Decimal(0));
    return { byModel, tokens, cost };
  };
  const p0 = collect(before);
  const p1 = collect(after);
  const change = p1.cost.minus(p0.cost);
  const models = [...new Set([...p0.byModel.keys(), ...p1.byModel.keys()])].sort();
  const share = (tokens: Decimal | undefined, total: Decimal) => (total.isZero() || !tokens ? new Decimal(0) : tokens.dividedBy(total));
  const price = (e: { tokens: Decimal; cost: Decimal } | undefined) => (e && !e.tokens.isZero() ? e.cost.dividedBy(e.tokens) : null);

  let volume = new Decimal(0);
  let mix = new Decimal(0);
  if (p0.tokens.isZero()) {
    volume = change;
  } else {
    volume = p1.tokens.minus(p0.tokens).times(p0.cost.dividedBy(p0.tokens));
    for (const model of models) {
      const priceBefore = price(p0.byModel.get(model)) ?? price(p1.byModel.get(model)) ?? new Decimal(0);
      const shareShift = share(p1.byModel.get(model)?.tokens, p1.tokens).minus(share(p0.byModel.get(model)?.tokens, p0.tokens));
      mix = mix.plus(p1.tokens.times(shareShift).times(priceBefore));
    }
  }
  const volumeRounded = volume.toDecimalPlaces(PLACES, Decimal.ROUND_HALF_EVEN);
  const mixRounded = mix.toDecimalPlaces(PLACES, Decimal.ROUND_HALF_EVEN);
  const unitPrice = change.minus(volumeRounded).minus(mixRounded);
  const text = (d: Decimal) => d.toFixed();
  return {
    before: text(p0.cost),
    after: text(p1.cost),
    change: text(change),
    volume: text(volumeRounded),
    modelMix: text(mixRounded),
    unitPrice: text(unitPrice),
    models: models.map((model) => {
      const b = p0.byModel.get(model);
      const a = p1.byModel.get(model);
      const costBefore = b?.cost ?? new Decimal(0);
      const costAfter = a?.cost ?? new Decimal(0);
      return {
        model,
        before: text(costBefore),
        after: text(costAfter),
        change: text(costAfter.minus(costBefore)),
        share_before: share(b?.tokens, p0.tokens).toDecimalPlaces(6).toFixed(),
        share_after: share(a?.tokens, p1.tokens).toDecimalPlaces(6).toFixed(),
      };
    }),
  };
}
