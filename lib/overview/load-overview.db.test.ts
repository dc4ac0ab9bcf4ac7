import { beforeAll, describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { OrgContext } from "@/lib/auth/org-context";
import { db } from "@/lib/db";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { loadOverview } from "./load-overview";

withTestDatabase();

const NY = "America/New_York";
// Tuesday 2026-10-20 12:00 in New York (EDT, UTC−4).
const NOW = new Date("2026-10-20T16:00:00Z");
let counter = 0;

function event(timestamp: string, cost_usd: string | undefined, attribution: Record<string, string> = {}) {
  counter += 1;
  return {
    id: `ov-${counter}`,
    timestamp,
    provider: "openai",
    model: "gpt-4o-mini",
    usage: { input_tokens: 100, output_tokens: 10 },
    ...(cost_usd === undefined ? {} : { cost_usd }),
    ...attribution,
  };
}

const EVENTS = [
  // Previous period: Sep 1 00:00 – Sep 20 12:00 local.
  event("2026-09-05T12:00:00Z", "2", { feature: "search" }),
  // September, after the previous period's end.
  event("2026-09-25T12:00:00Z", "100", { feature: "search" }),
  // Sep 30 22:00 local: still September.
  event("2026-10-01T02:00:00Z", "50", { feature: "chat" }),
  // Oct 1 01:00 local: this month.
  event("2026-10-01T05:00:00Z", "1.5", { feature: "chat", workflow: "answer" }),
  event("2026-10-10T12:00:00Z", undefined, { feature: "search", provider: "self_hosted", model: "in-house-llm-v0" }),
  event("2026-10-19T12:00:00Z", "0.25", { feature: "search", workflow: "lookup" }),
  // 11:00 local today, before now.
  event("2026-10-20T15:00:00Z", "3", { feature: "chat", workflow: "answer" }),
  // 12:30 local: after now, not counted.
  event("2026-10-20T16:30:00Z", "1000", { feature: "chat" }),
];

describe("loadOverview", () => {
  let ctx: OrgContext;

  beforeAll(async () => {
    const owner = await createOrgWithOwner();
    await db.organization.update({ where: { id: owner.orgId }, data: { timeZone: NY } });
    ctx = { ...owner, timeZone: NY };
    const ingest = (await createApiKey(owner, { name: "ingest", scopes: ["ingest"] })).secret;
    const res = await callRoute(postEvents, { key: ingest, body: { events: EVENTS } });
    expect(res.json).toMatchObject({ accepted: EVENTS.length, rejected: 0 });
  });

  it("sums month to date and the same days of last month in the organization's zone, exactly", async () => {
    const overview = await loadOverview(ctx, NOW);
    expect(overview.hasEvents).toBe(true);
    expect(overview.monthStartDate).toBe("2026-10-01");
    expect(overview.previousEndLocal).toBe("2026-09-20T12:00");
    expect(overview.monthToDate).toEqual({ costUsd: "4.7500000000", events: 4, unpricedEvents: 1 });
    expect(overview.previous.costUsd).toBe("2.0000000000");
    expect(overview.change).toEqual({ amountUsd: "2.7500000000", ratio: 1.375, direction: "up" });
  });

  it("ranks features and workflows with their change, and names the unpriced models", async () => {
    const overview = await loadOverview(ctx, NOW);
    expect(overview.topFeatures.map((r) => [r.name, r.costUsd, r.events, r.previousUsd])).toEqual([
      ["chat", "4.5000000000", 2, "0.0000000000"],
      ["search", "0.2500000000", 2, "2.0000000000"],
    ]);
    expect(overview.topFeatures[1].change.amountUsd).toBe("-1.7500000000");
    expect(overview.topWorkflows.map((r) => [r.name, r.costUsd])).toEqual([
      ["answer", "4.5000000000"],
      ["lookup", "0.2500000000"],
      ["(untagged)", "0.0000000000"],
    ]);
    expect(overview.unpricedModels).toEqual([{ provider: "self_hosted", model: "in-house-llm-v0", unpricedEvents: 1 }]);
  });

  it("forecasts from the weighted run rate and draws gaps only before the first event", async () => {
    const overview = await loadOverview(ctx, NOW);
    // Complete days Sep 22 – Oct 19: Oct 19 $0.25 (×2), Oct 1 $1.50, Sep 30 $50, Sep 25 $100 (×1),
    // the rest $0: (0.5 + 151.5) / 35 = 4.342857… a day, × 11.5 days left + $4.75.
    expect(overview.forecast?.runRateUsd).toBe("4.3428571429");
    expect(overview.forecast?.forecastUsd).toBe("54.6928571429");
    const byDate = new Map(overview.series.map((p) => [p.date, p]));
    expect(overview.series[0].date).toBe("2026-08-22");
    expect(byDate.get("2026-09-04")?.spend).toBeNull();
    expect(byDate.get("2026-09-05")?.spend).toBe(2);
    expect(byDate.get("2026-09-06")?.spend).toBe(0);
    expect(byDate.get("2026-10-20")).toEqual({ date: "2026-10-20", spend: 3, forecast: 4.3428571429 });
    expect(byDate.get("2026-10-31")).toEqual({ date: "2026-10-31", spend: null, forecast: 4.3428571429 });
  });

  describe("Data Security and Isolation", () => {
    it("shows another organization nothing of this one's spend", async () => {
      const other = await createOrgWithOwner();
      const overview = await loadOverview(other, NOW);
      expect(overview.hasEvents).toBe(false);
      expect(overview.monthToDate).toEqual({ costUsd: "0.0000000000", events: 0, unpricedEvents: 0 });
      expect(overview.topFeatures).toEqual([]);
      expect(overview.forecast).toBeNull();
    });
  });
});
