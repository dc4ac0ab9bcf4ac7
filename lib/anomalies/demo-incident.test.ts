import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/pricing/catalog";
import { createPricer, type PriceOverrideRule } from "@/lib/pricing/create-pricer";
import { generateDemoData, type DemoData } from "@/prisma/demo/generate-demo-data";
import { findAnomalies, type AnomalyDimension, type DailySeries } from "./find-anomalies";
import type { ModelDay, RunStats } from "./likely-cause";

// The demo organization's 90 days, priced as ingest prices them and rolled up per UTC day (the
// demo organization's zone), with its runs: what the roll-up and run queries answer for it.
function demoSeries(data: DemoData) {
  const rules: PriceOverrideRule[] = data.priceOverrides.map((o) => ({
    kind: o.kind,
    provider: o.provider,
    model: o.kind === "custom" ? o.model : null,
    discountPct: o.kind === "discount" ? String(o.discount_pct) : null,
    inputPrice: o.kind === "custom" ? String(o.input_price) : null,
    outputPrice: o.kind === "custom" ? String(o.output_price) : null,
    cacheReadPrice: null,
    cacheWritePrice: null,
    reasoningPrice: null,
    effectiveFrom: new Date(`${o.effective_from}T00:00:00Z`),
  }));
  const pricer = createPricer(loadCatalog(), rules);
  const series = new Map<string, { dimension: AnomalyDimension; value: string; days: Map<string, Map<string, ModelDay>> }>();
  const runs = new Map<string, { date: string; dims: string[]; steps: number; errors: number }>();
  for (const e of data.events) {
    const date = e.timestamp.slice(0, 10);
    const u = e.usage;
    const cost = pricer.priceEvent({ provider: e.provider, model: e.model, timestamp: new Date(e.timestamp), inputTokens: u.input_tokens, outputTokens: u.output_tokens, cachedInputTokens: u.cached_input_tokens, cacheWriteTokens: u.cache_write_tokens, reasoningTokens: u.reasoning_tokens }).costUsd;
    const dims: [AnomalyDimension, string][] = [["feature", e.feature]];
    if (e.workflow) dims.push(["workflow", e.workflow]);
    for (const [dimension, value] of dims) {
      const key = `${dimension}\n${value}`;
      let s = series.get(key);
      if (!s) series.set(key, (s = { dimension, value, days: new Map() }));
      const day = s.days.get(date) ?? new Map<string, ModelDay>();
      const model = `${e.provider}/${e.model}`;
      const m = day.get(model) ?? { model, calls: 0, tokens: 0, costUsd: "0" };
      day.set(model, { model, calls: Number(m.calls) + 1, tokens: Number(m.tokens) + u.input_tokens + u.output_tokens, costUsd: (Number(m.costUsd) === 0 ? cost : sumText(m.costUsd, cost)) });
      s.days.set(date, day);
    }
    if (e.run_id) {
      const run = runs.get(e.run_id) ?? { date, dims: [`feature\n${e.feature}`, ...(e.workflow ? [`workflow\n${e.workflow}`] : [])], steps: 0, errors: 0 };
      run.steps++;
      if (e.status === "error") run.errors++;
      runs.set(e.run_id, run);
    }
  }
  const runDays = new Map<string, Map<string, RunStats>>();
  for (const run of runs.values()) {
    for (const key of run.dims) {
      const byDate = runDays.get(key) ?? new Map<string, RunStats>();
      const r = byDate.get(run.date) ?? { runs: 0, steps: 0, errors: 0 };
      byDate.set(run.date, { runs: Number(r.runs) + 1, steps: Number(r.steps) + run.steps, errors: Number(r.errors) + run.errors });
      runDays.set(key, byDate);
    }
  }
  const daily: DailySeries[] = [...series.values()].map((s) => ({ dimension: s.dimension, value: s.value, days: new Map([...s.days].map(([d, m]) => [d, [...m.values()]])) }));
  return { daily, runs: (dimension: AnomalyDimension, value: string) => runDays.get(`${dimension}\n${value}`) ?? new Map() };
}

function sumText(a: string, b: string): string {
  const scale = 10n ** 14n;
  const units = (t: string) => {
    const [w, f = ""] = t.split(".");
    return BigInt(w) * scale + BigInt(f.padEnd(14, "0").slice(0, 14));
  };
  const s = units(a) + units(b);
  return `${s / scale}.${String(s % scale).padStart(14, "0")}`;
}

describe("the demo organization's runaway-agent incident", () => {
  // The generator's defaults, as the app loads them: 90 days, ~120,000 events, seed 42.
  for (const seed of [42, 7]) {
    it(`is flagged on its day for its workflow and feature, and nothing else in 62 judged days is (seed ${seed})`, () => {
      const data = generateDemoData({ now: new Date("2026-11-24T12:00:00Z"), seed });
      const { daily, runs } = demoSeries(data);
      const dates = [...new Set(data.events.map((e) => e.timestamp.slice(0, 10)))].sort();
      const { date, workflow } = data.facts.incident;
      // Every day with a full 28-day baseline.
      const anomalies = findAnomalies(daily, dates.slice(28), runs);
      expect(anomalies.map((a) => [a.dimension, a.value, a.date]).sort()).toEqual([
        ["feature", "doc-search", date],
        ["workflow", workflow, date],
      ]);
      const incident = anomalies.find((a) => a.dimension === "workflow")!;
      expect(incident.ratio).toBeGreaterThan(10);
      expect(incident.zScore).toBeGreaterThan(50);
      // The loops both add calls and grow their context: the detail names both.
      expect(["tokens_per_call", "retries_errors"]).toContain(incident.cause.kind);
      expect(Number(incident.cause.effects.retries_errors)).toBeGreaterThan(10);
      expect(incident.cause.detail).toMatch(/calls per run/);
      expect(incident.cause.today.callsPerRun).toBeGreaterThan(3 * incident.cause.baseline.callsPerRun!);
    });
  }
});
