import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as postOutcomes } from "@/app/api/v1/outcomes/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { OrgContext } from "@/lib/auth/org-context";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { estimateSavingsLevers } from "./estimate-savings-levers";
import { loadTokenMix } from "./load-token-mix";
import { loadWhatIfPage } from "./load-what-if-page";
import { modelKey } from "./model-key";
import { mixForScope } from "./scope-mix";

withTestDatabase();

// 30 days exactly, so a window's cost is its monthly cost.
const RANGE = { from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-10-31T00:00:00Z") };
const at = (day: number) => new Date(Date.UTC(2026, 9, day, 10)).toISOString();

// Each gpt-4o call: 8,000 uncached input × $2.50/M = 0.02, 2,000 cached × $1.25/M = 0.0025,
// 1,000 output × $10/M = 0.01 → 0.0325 (catalog prices).
const gpt4oCall = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `evt-${randomBytes(6).toString("hex")}`,
  timestamp: at(1 + i),
  provider: "openai",
  model: "gpt-4o",
  feature: "chat",
  usage: { input_tokens: 10_000, cached_input_tokens: 2_000, output_tokens: 1_000 },
  ...extra,
});

async function orgWithIngestKey(): Promise<{ org: OrgContext; key: string }> {
  const org = await createOrgWithOwner();
  return { org, key: (await createApiKey(org, { name: "ingest", scopes: ["ingest"] })).secret };
}

async function send(key: string, events: unknown[]) {
  expect((await callRoute(postEvents, { key, body: { events } })).status).toBe(200);
}

describe("what-if on stored roll-ups", () => {
  let a: OrgContext;
  let b: OrgContext;

  beforeAll(async () => {
    const first = await orgWithIngestKey();
    a = first.org;
    // 10 calls on chat; runs r0..r3 of workflow "answer", three of them with an outcome.
    await send(first.key, Array.from({ length: 10 }, (_, i) => gpt4oCall(i, i < 4 ? { workflow: "answer", run_id: `r${i}` } : {})));
    const outcomes = [
      { run_id: "r0", outcome: "success", timestamp: at(20) },
      { run_id: "r1", outcome: "success", timestamp: at(20) },
      { run_id: "r2", outcome: "failure", timestamp: at(20) },
    ];
    expect((await callRoute(postOutcomes, { key: first.key, body: { outcomes } })).status).toBe(200);
    // Outside the window: not counted.
    await send(first.key, [{ ...gpt4oCall(0), timestamp: "2026-11-02T10:00:00Z" }]);

    const second = await orgWithIngestKey();
    b = second.org;
    await send(second.key, [{ ...gpt4oCall(0), feature: "other-org", model: "claude-sonnet-4-5", provider: "anthropic" }]);
  });

  it("loads the token mix per feature, workflow and model, and workflow outcomes", async () => {
    const mix = await loadTokenMix(a, RANGE);
    expect(mix.window_days).toBe(30);
    const all = mixForScope(mix.rows, { kind: "all" });
    expect(all).toEqual([
      { provider: "openai", model: "gpt-4o", calls: 10, inputTokens: 100_000, cachedInputTokens: 20_000, cacheWriteTokens: 0, outputTokens: 10_000, reasoningTokens: 0, costUsd: "0.3250000000", unpricedCalls: 0 },
    ]);
    expect(mixForScope(mix.rows, { kind: "workflow", value: "answer" })[0].calls).toBe(4);
    expect(mix.workflows).toEqual([
      { workflow: "answer", runs: 4, cost_usd: "0.1300000000", cost_per_run_usd: "0.0325000000", successes: 2, runs_with_outcome: 3, success_rate_pct: "66.67" },
    ]);
  });

  it("estimates the savings levers from the catalog, largest first", async () => {
    const levers = await estimateSavingsLevers(a, RANGE);
    // gpt-4o-mini: 8,000 × 0.15/M + 2,000 × 0.075/M + 1,000 × 0.60/M = 0.00195 a call, 0.0195 for ten.
    // Route 50%: 0.5 × (0.325 − 0.0195) = 0.15275. Cache 30%: 30,000 − 20,000 = 10,000 × 1.25/M = 0.0125.
    expect(levers.map((l) => [l.title, l.monthly_saving_usd])).toEqual([
      ["Route 50% of chat's gpt-4o calls to gpt-4o-mini", "0.1527500000"],
      ["Cache 30% of input tokens on gpt-4o", "0.0125000000"],
    ]);
  });

  it("loads the page's data: priced models, the sibling to route to, the monthly spend", async () => {
    const page = await loadWhatIfPage(a, new Date("2026-10-31T00:00:00Z"));
    expect(page.window_days).toBe(30);
    expect(page.monthly_spend_usd).toBe("0.3250000000");
    expect(page.siblings).toEqual({ [modelKey("openai", "gpt-4o")]: "gpt-4o-mini" });
    const mini = page.models.find((m) => m.provider === "openai" && m.model === "gpt-4o-mini");
    expect(mini?.rates).toMatchObject({ input: "0.00000015", cacheRead: "0.000000075", output: "0.0000006", hasCachePrice: true });
    expect(page.models.some((m) => m.provider === "anthropic")).toBe(true);
    expect(page.levers).toHaveLength(2);
  });

  describe("Data Security and Isolation", () => {
    it("never reads another organization's roll-ups or runs", async () => {
      const mixB = await loadTokenMix(b, RANGE);
      expect(mixB.rows.map((r) => r.feature)).toEqual(["other-org"]);
      expect(mixB.workflows).toEqual([]);
      const mixA = await loadTokenMix(a, RANGE);
      expect(mixA.rows.some((r) => r.feature === "other-org")).toBe(false);
      const leversB = await estimateSavingsLevers(b, RANGE);
      expect(leversB.every((l) => !l.title.includes("gpt-4o"))).toBe(true);
    });
  });
});
