import { describe, expect, it } from "vitest";
import { eventSchema, type EventInput } from "@/lib/ingest/schemas";
import { outcomeSchema, type OutcomeInput } from "@/lib/outcomes/schemas";
import { createPriceOverrideSchema } from "@/lib/price-overrides/schemas";
import { revenueSchema } from "@/lib/revenue/schemas";
import { loadCatalog } from "@/lib/pricing/catalog";
import { createPricer, type PriceOverrideRule } from "@/lib/pricing/create-pricer";
import { sumCostsUsd } from "@/lib/pricing/decimal";
import { DEMO_MODELS, generateDemoData, iterateDemoDays, type DemoEvent } from "./generate-demo-data";

const now = new Date("2026-11-24T10:30:00Z");
const data = generateDemoData({ now, seed: 7 });

const count = <T,>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};
const usage = (e: DemoEvent) => ({
  inputTokens: e.usage.input_tokens,
  outputTokens: e.usage.output_tokens,
  cachedInputTokens: e.usage.cached_input_tokens,
  cacheWriteTokens: e.usage.cache_write_tokens,
  reasoningTokens: e.usage.reasoning_tokens,
});
const overrideRules: PriceOverrideRule[] = data.priceOverrides.map((raw) => {
  const o = createPriceOverrideSchema.parse(raw);
  return {
    kind: o.kind,
    provider: o.provider,
    model: o.kind === "custom" ? o.model : null,
    discountPct: o.kind === "discount" ? o.discount_pct : null,
    inputPrice: o.kind === "custom" ? o.input_price : null,
    outputPrice: o.kind === "custom" ? o.output_price : null,
    cacheReadPrice: null,
    cacheWritePrice: null,
    reasoningPrice: null,
    effectiveFrom: new Date(`${o.effective_from}T00:00:00Z`),
  };
});
const pricer = createPricer(loadCatalog(), overrideRules);
const costOf = (e: DemoEvent) => pricer.priceEvent({ provider: e.provider, model: e.model, timestamp: new Date(e.timestamp), ...usage(e) }).costUsd;

describe("generateDemoData", () => {
  it("is deterministic for a seed and a clock, and differs with the seed", () => {
    const again = generateDemoData({ now, seed: 7 });
    expect(again.events.length).toBe(data.events.length);
    expect(again.events[12_345]).toEqual(data.events[12_345]);
    expect(again.outcomes.at(-1)).toEqual(data.outcomes.at(-1));
    expect(again.revenue).toEqual(data.revenue);
    const other = generateDemoData({ now, seed: 8, days: 5 });
    expect(other.events[100]).not.toEqual(generateDemoData({ now, seed: 7, days: 5 }).events[100]);
  });

  it("makes about 120,000 valid events with unique ids, all in the 90 days before now", () => {
    expect(data.events.length).toBeGreaterThanOrEqual(100_000);
    expect(data.events.length).toBeLessThanOrEqual(150_000);
    expect(new Set(data.events.map((e) => e.id)).size).toBe(data.events.length);
    const earliest = now.getTime() - 90 * 86_400_000;
    const outside = data.events.filter((e) => Date.parse(e.timestamp) < earliest || Date.parse(e.timestamp) >= now.getTime());
    expect(outside).toEqual([]);
    // The wire shapes type-check as API input and every row passes the API's own validation.
    const wire: EventInput[] = data.events;
    const outcomes: OutcomeInput[] = data.outcomes;
    for (const e of wire.filter((_, i) => i % 97 === 0)) expect(eventSchema.safeParse(e).success).toBe(true);
    for (const o of outcomes.filter((_, i) => i % 13 === 0)) expect(outcomeSchema.safeParse(o).success).toBe(true);
    for (const r of data.revenue) expect(revenueSchema.safeParse(r).success).toBe(true);
  });

  it("makes exactly the events asked for, however many", () => {
    for (const events of [2_000, 12_345]) {
      let total = 0;
      for (const day of iterateDemoDays({ now, days: 10, events, seed: 3 })) total += day.events.length;
      expect(total).toBe(events);
    }
  });

  it("has at least 6 features with teams, ~20 skewed customers, and mostly prod", () => {
    const features = count(data.events, (e) => e.feature);
    expect(features.size).toBeGreaterThanOrEqual(6);
    expect(count(data.events, (e) => e.team).size).toBeGreaterThanOrEqual(4);
    const customers = [...count(data.events.filter((e) => e.customer), (e) => e.customer!).values()].sort((a, b) => b - a);
    expect(customers.length).toBe(20);
    expect(customers[0]).toBeGreaterThan(8 * customers[customers.length - 1]);
    const environments = count(data.events, (e) => e.environment);
    expect(environments.get("prod")! / data.events.length).toBeGreaterThan(0.8);
    expect(environments.get("staging")).toBeGreaterThan(0);
  });

  it("has 4 workflows whose runs make 3 to 12 calls and end with realistic, differing success rates", () => {
    const incidentRuns = new Set(data.facts.incident.runIds);
    const runs = new Map<string, { workflow: string; calls: number }>();
    for (const e of data.events) {
      if (!e.run_id) continue;
      const run = runs.get(e.run_id) ?? { workflow: e.workflow!, calls: 0 };
      run.calls++;
      runs.set(e.run_id, run);
    }
    expect(new Set([...runs.values()].map((r) => r.workflow)).size).toBe(4);
    for (const [runId, run] of runs) {
      if (incidentRuns.has(runId)) continue;
      expect(run.calls).toBeGreaterThanOrEqual(3);
      expect(run.calls).toBeLessThanOrEqual(12);
    }
    // Every run has an outcome, once.
    expect(data.outcomes.map((o) => o.run_id).sort()).toEqual([...runs.keys()].sort());
    const rates = new Map<string, number>();
    for (const workflow of new Set([...runs.values()].map((r) => r.workflow))) {
      const outcomes = data.outcomes.filter((o) => runs.get(o.run_id)!.workflow === workflow && !incidentRuns.has(o.run_id));
      const rate = outcomes.filter((o) => o.outcome === "success").length / outcomes.length;
      expect(rate).toBeGreaterThan(0.68);
      expect(rate).toBeLessThan(0.92);
      expect(outcomes.some((o) => o.outcome === "failure") && outcomes.some((o) => o.outcome === "abandoned")).toBe(true);
      rates.set(workflow, rate);
    }
    expect(Math.max(...rates.values()) - Math.min(...rates.values())).toBeGreaterThan(0.1);
    expect(data.outcomes.filter((o) => o.value_usd).length).toBeGreaterThan(1000);
  });

  it("uses 9 models from 5 providers, each priced by the catalog except the self-hosted one, which has its own price", () => {
    const models = count(data.events, (e) => `${e.provider}/${e.model}`);
    expect(models.size).toBeGreaterThanOrEqual(8);
    expect(new Set(data.events.map((e) => e.provider))).toEqual(new Set(["openai", "anthropic", "google", "mistral", "self_hosted"]));
    const catalogOnly = createPricer(loadCatalog(), []);
    for (const spec of Object.values(DEMO_MODELS)) {
      const price = catalogOnly.priceEvent({ provider: spec.provider, model: spec.model, timestamp: now, inputTokens: 1000, outputTokens: 100, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
      expect(price.source, `${spec.provider}/${spec.model}`).toBe(spec.provider === "self_hosted" ? "unpriced" : "computed");
    }
    const selfHosted = data.events.find((e) => e.provider === "self_hosted")!;
    expect(pricer.priceEvent({ provider: selfHosted.provider, model: selfHosted.model, timestamp: new Date(selfHosted.timestamp), ...usage(selfHosted) }).priceKey).toBe("custom:self_hosted/llama-3.1-70b");
  });

  it("has weekday seasonality (weekends ~40%) and ~40% growth over the period", () => {
    const days = count(data.events, (e) => e.timestamp.slice(0, 10));
    const full = [...days.entries()].slice(0, -1);
    const isWeekend = (d: string) => [0, 6].includes(new Date(d).getUTCDay());
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const incidentDate = data.facts.incident.date;
    const weekdays = full.filter(([d]) => !isWeekend(d) && d !== incidentDate).map(([, n]) => n);
    const weekends = full.filter(([d]) => isWeekend(d)).map(([, n]) => n);
    expect(mean(weekends) / mean(weekdays)).toBeGreaterThan(0.3);
    expect(mean(weekends) / mean(weekdays)).toBeLessThan(0.5);
    const firstWeeks = mean(full.slice(0, 14).map(([, n]) => n));
    const lastWeeks = mean(full.slice(-14).filter(([d]) => d !== incidentDate).map(([, n]) => n));
    expect(lastWeeks / firstWeeks).toBeGreaterThan(1.25);
    expect(lastWeeks / firstWeeks).toBeLessThan(1.55);
  });

  it("has one runaway-agent incident: a few runs of one workflow loop 100+ times on one day, and that day's cost spikes", () => {
    const { date, workflow, runIds } = data.facts.incident;
    expect(runIds.length).toBeGreaterThanOrEqual(2);
    for (const runId of runIds) {
      const calls = data.events.filter((e) => e.run_id === runId);
      expect(calls.length).toBeGreaterThanOrEqual(100);
      expect(calls.every((e) => e.workflow === workflow && e.timestamp.startsWith(date))).toBe(true);
    }
    const costByDay = new Map<string, string[]>();
    for (const e of data.events) {
      const day = e.timestamp.slice(0, 10);
      if (!costByDay.has(day)) costByDay.set(day, []);
      costByDay.get(day)!.push(costOf(e));
    }
    const totals = [...costByDay.entries()].map(([day, costs]) => [day, Number(sumCostsUsd(costs))] as const);
    const others = totals.filter(([day]) => day !== date).map(([, c]) => c);
    const incidentCost = totals.find(([day]) => day === date)![1];
    expect(incidentCost).toBeGreaterThan(3 * Math.max(...others));
  });

  it("has one price change: a provider discount from mid-period, with that provider's calls on both sides", () => {
    const { provider, discountPct, effectiveFrom } = data.facts.priceChange;
    const from = Date.parse(`${effectiveFrom}T00:00:00Z`);
    expect(from).toBeGreaterThan(Date.parse(data.facts.start) + 30 * 86_400_000);
    expect(from).toBeLessThan(Date.parse(data.facts.end) - 30 * 86_400_000);
    const calls = data.events.filter((e) => e.provider === provider);
    expect(calls.some((e) => Date.parse(e.timestamp) < from) && calls.some((e) => Date.parse(e.timestamp) >= from)).toBe(true);
    const probe = { provider, model: calls[0].model, inputTokens: 10_000, outputTokens: 1_000, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
    const before = Number(pricer.priceEvent({ ...probe, timestamp: new Date(from - 1) }).costUsd);
    const after = Number(pricer.priceEvent({ ...probe, timestamp: new Date(from) }).costUsd);
    expect(after / before).toBeCloseTo(1 - Number(discountPct) / 100, 10);
  });

  it("caches prompts on some features only, and has reasoning tokens", () => {
    const cachedByFeature = new Map<string, number>();
    for (const e of data.events) cachedByFeature.set(e.feature, (cachedByFeature.get(e.feature) ?? 0) + e.usage.cached_input_tokens);
    const withCache = [...cachedByFeature].filter(([, n]) => n > 0).map(([f]) => f);
    expect(withCache).toEqual(expect.arrayContaining(["support-chat", "doc-search"]));
    expect(withCache.length).toBeLessThan(cachedByFeature.size);
    expect(data.events.some((e) => e.usage.cache_write_tokens > 0)).toBe(true);
    expect(data.events.filter((e) => e.model === "o3-mini").every((e) => e.status === "error" || e.usage.reasoning_tokens > 0)).toBe(true);
    const inconsistent = data.events.filter((e) => e.usage.cached_input_tokens + e.usage.cache_write_tokens > e.usage.input_tokens || e.usage.reasoning_tokens > e.usage.output_tokens);
    expect(inconsistent).toEqual([]);
  });

  it("has monthly revenue per feature and customer for the customer-facing features", () => {
    const features = new Set(data.revenue.map((r) => r.feature));
    expect(features).toEqual(new Set(["support-chat", "doc-search", "summarizer", "translation"]));
    expect(new Set(data.revenue.map((r) => r.month)).size).toBe(4);
  });
});
