import { beforeAll, describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { OrgContext } from "@/lib/auth/org-context";
import { queryRaw } from "@/lib/db";
import { sumDecimals } from "@/lib/format/decimal";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { readFeatureRange } from "./feature-range";
import { loadFeature } from "./load-feature";
import { loadFeatures } from "./load-features";

withTestDatabase();

// Both the range and the previous period cross a month start, so month rows must be summed.
const NOW = new Date("2026-11-10T12:00:00Z");
const RANGE = readFeatureRange({ from: "2026-10-25", to: "2026-11-09" }, NOW, "UTC");
let counter = 0;

function event(timestamp: string, cost_usd: string, fields: Record<string, string> = {}) {
  counter += 1;
  return { id: `ft-${counter}`, timestamp, provider: "openai", model: "gpt-4o", usage: { input_tokens: 1000, output_tokens: 100 }, cost_usd, ...fields };
}

const EVENTS = [
  // The previous period (Oct 9 – Oct 24).
  event("2026-10-10T00:00:00Z", "1", { feature: "chat" }),
  // The range.
  event("2026-10-26T00:00:00Z", "0.0000000001", { feature: "chat", workflow: "answer", run_id: "r1", customer: "acme" }),
  event("2026-10-26T00:00:05Z", "2.1234567891", { feature: "chat", workflow: "answer", run_id: "r1", customer: "acme", model: "o3" }),
  event("2026-11-02T00:00:00Z", "3", { feature: "chat", workflow: "answer", run_id: "r2", customer: "globex" }),
  event("2026-11-03T00:00:00Z", "0.5", { feature: "chat" }),
  event("2026-11-04T00:00:00Z", "4", { feature: "search", workflow: "lookup", run_id: "r3" }),
  event("2026-11-05T00:00:00Z", "0.25"),
  // After the range.
  event("2026-11-10T01:00:00Z", "1000", { feature: "chat" }),
];

async function sumOfEvents(ctx: OrgContext, feature: string | null): Promise<string> {
  const rows = await queryRaw<{ sum: string | null }>(
    `SELECT sum("costUsd")::text AS sum FROM "Event" WHERE "orgId" = $1 AND timestamp >= $2 AND timestamp < $3 AND ($4::text IS NULL OR feature = $4)`,
    [ctx.orgId, RANGE.from, RANGE.to, feature],
  );
  return sumDecimals([rows[0].sum ?? "0"]);
}

describe("features", () => {
  let ctx: OrgContext;

  beforeAll(async () => {
    ctx = await createOrgWithOwner();
    const ingest = (await createApiKey(ctx, { name: "ingest", scopes: ["ingest"] })).secret;
    const res = await callRoute(postEvents, { key: ingest, body: { events: EVENTS } });
    expect(res.json).toMatchObject({ accepted: EVENTS.length, rejected: 0 });
  });

  it("lists every feature with spend, totals equal to the stored events to the last decimal", async () => {
    const view = await loadFeatures(ctx, RANGE);
    expect(view.totalUsd).toBe(await sumOfEvents(ctx, null));
    expect(view.rows.map((r) => [r.name, r.costUsd, r.events])).toEqual([
      ["chat", await sumOfEvents(ctx, "chat"), 4],
      ["search", "4.0000000000", 1],
      ["(untagged)", "0.2500000000", 1],
    ]);
    expect(sumDecimals(view.rows.map((r) => r.costUsd))).toBe(view.totalUsd);
    const chat = view.rows[0];
    expect(chat.costUsd).toBe("5.6234567892");
    expect(chat.previousUsd).toBe("1.0000000000");
    expect(chat).toMatchObject({ runs: 2, costPerDecisionUsd: "2.5617283946" });
    expect(chat.mix.map((s) => s.label)).toEqual(["openai/gpt-4o", "openai/o3"]);
  });

  it("drills one feature into workflows, models and customers that add up to it", async () => {
    const chat = await loadFeature(ctx, "chat", RANGE);
    expect(chat.costUsd).toBe("5.6234567892");
    for (const rows of [chat.workflows, chat.models, chat.customers]) expect(sumDecimals(rows.map((r) => r.costUsd))).toBe(chat.costUsd);
    expect(chat.workflows.map((r) => [r.name, r.runs, r.costPerDecisionUsd])).toEqual([
      ["answer", 2, "2.5617283946"],
      ["(untagged)", 0, null],
    ]);
    expect(chat.customers.map((r) => r.name)).toEqual(["globex", "acme", "(untagged)"]);
    expect(chat.change).toMatchObject({ amountUsd: "4.6234567892", direction: "up" });
    expect(chat.series).toHaveLength(16);
    // Before the feature's first day in the range: a gap; after it, a day without spend is $0.
    expect(chat.series[0]).toEqual({ date: "2026-10-25", spend: null, forecast: null });
    expect(chat.series[2]).toEqual({ date: "2026-10-27", spend: 0, forecast: null });
  });

  it("finds untagged spend under (untagged)", async () => {
    const untagged = await loadFeature(ctx, "(untagged)", RANGE);
    expect(untagged).toMatchObject({ costUsd: "0.2500000000", events: 1, runs: 0, costPerDecisionUsd: null });
  });

  describe("Data Security and Isolation", () => {
    it("shows another organization none of this one's features", async () => {
      const other = await createOrgWithOwner();
      expect((await loadFeatures(other, RANGE)).rows).toEqual([]);
      const chat = await loadFeature(other, "chat", RANGE);
      expect(chat).toMatchObject({ costUsd: "0.0000000000", events: 0, runs: 0, workflows: [], models: [], customers: [] });
    });
  });
});
