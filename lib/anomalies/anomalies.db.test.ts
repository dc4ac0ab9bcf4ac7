import { beforeAll, describe, expect, it } from "vitest";
import { GET as getAnomalies } from "@/app/api/v1/anomalies/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { OrgContext } from "@/lib/auth/org-context";
import { db, queryRaw } from "@/lib/db";
import { sumDecimals } from "@/lib/format/decimal";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { validateEvents } from "@/lib/ingest/validate-events";
import { addDays } from "@/lib/overview/overview-periods";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { buildDailyModelSql, type DailyModelRow } from "./anomaly-sql";
import { anomalyWindow, localDateOf, localDateRange, localMidnight } from "./anomaly-window";
import { loadAnomalies } from "./load-anomalies";

withTestDatabase();

const HOUR_MS = 3_600_000;
const now = new Date();
const HISTORY_DAYS = 40;

type Wire = Record<string, unknown>;
let seq = 0;
function call(org: string, date: string, timeZone: string, fields: Wire): Wire {
  // Local noon (plus a few seconds per event) of a local date.
  const at = new Date(localMidnight(date, timeZone).getTime() + 12 * HOUR_MS + (seq % 3600) * 1000);
  return { id: `${org}-${++seq}`, timestamp: at.toISOString(), provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 1000, output_tokens: 200 }, ...fields };
}

async function ingest(ctx: OrgContext, events: Wire[]) {
  for (let i = 0; i < events.length; i += 1000) {
    const { valid, errors } = validateEvents(events.slice(i, i + 1000), now);
    expect(errors).toEqual([]);
    await ingestEvents(ctx, valid);
  }
}

/** Org A's 40 days (yesterday back): an agent with 2 runs a day of 4–6 calls, a flat search feature, a feature spending cents, and one launched 3 days ago. */
function orgAEvents(timeZone: string, spikeDate: string): Wire[] {
  const today = localDateOf(now, timeZone);
  const events: Wire[] = [];
  for (let back = HISTORY_DAYS; back >= 1; back--) {
    const date = addDays(today, -back);
    const spike = date === spikeDate;
    for (let run = 0; run < 2; run++) {
      const calls = spike ? 40 : 4 + (back % 3);
      for (let i = 0; i < calls; i++) {
        events.push(call("a", date, timeZone, { cost_usd: "0.25", feature: "chat", workflow: "agent", run_id: `a-${date}-${run}`, status: spike && i % 8 === 7 ? "error" : "ok" }));
      }
    }
    for (let i = 0; i < 20; i++) events.push(call("a", date, timeZone, { cost_usd: "0.1", feature: "search" }));
    for (let i = 0; i < (spike ? 100 : 2); i++) events.push(call("a", date, timeZone, { cost_usd: "0.001", feature: "tiny" }));
    if (back <= 3) for (let i = 0; i < 50; i++) events.push(call("a", date, timeZone, { cost_usd: "1", feature: "launch" }));
  }
  return events;
}

describe("loadAnomalies", () => {
  const zoneA = "America/New_York";
  let a: OrgContext;
  let b: OrgContext;
  let spikeA: string;
  let spikeB: string;

  beforeAll(async () => {
    a = await createOrgWithOwner();
    await db.organization.update({ where: { id: a.orgId }, data: { timeZone: zoneA } });
    a = { ...a, timeZone: zoneA };
    b = await createOrgWithOwner();
    spikeA = addDays(localDateOf(now, zoneA), -2);
    spikeB = addDays(localDateOf(now, b.timeZone), -3);
    await ingest(a, orgAEvents(zoneA, spikeA));
    // Org B: the same feature and workflow names at ten times the spend, flat, and its own spike elsewhere.
    const bEvents: Wire[] = [];
    const todayB = localDateOf(now, b.timeZone);
    for (let back = HISTORY_DAYS; back >= 1; back--) {
      const date = addDays(todayB, -back);
      for (let i = 0; i < 10; i++) bEvents.push(call("b", date, b.timeZone, { cost_usd: "2.5", feature: "chat", workflow: "agent", run_id: `b-${date}` }));
      bEvents.push(call("b", date, b.timeZone, { cost_usd: date === spikeB ? "500" : "3", feature: "b-only" }));
    }
    await ingest(b, bEvents);
  });

  it("flags the planted spike for the feature and the workflow, with its size and cause, and nothing else", async () => {
    const anomalies = await loadAnomalies(a, { now, days: 7 });
    expect(anomalies.map((x) => [x.dimension, x.value, x.date])).toEqual([
      ["feature", "chat", spikeA],
      ["workflow", "agent", spikeA],
    ]);
    for (const x of anomalies) {
      // 2 runs × 40 calls × $0.25, against a median day of 2 runs × 5 calls.
      expect(x).toMatchObject({ costUsd: "20.0000000000", baselineMedianUsd: "2.5000000000", excessUsd: "17.5000000000", ratio: 8 });
      expect(x.baseline.days).toBe(28);
      expect(x.zScore).toBeGreaterThan(5);
      expect(x.cause.kind).toBe("retries_errors");
      expect(x.cause.detail).toMatch(/^40\.0 calls per run vs 5\.\d \(2 runs vs 2\.\d\); failed calls 12\.5% vs 0\.0%/);
      expect(sumDecimals(Object.values(x.cause.effects))).toBe(x.excessUsd);
    }
  });

  it("does not look back before the window: the spike is gone with days = 1", async () => {
    expect(await loadAnomalies(a, { now, days: 1 })).toEqual([]);
    expect((await loadAnomalies(a, { now, days: 3 })).length).toBe(2);
  });

  it("sums the roll-ups per local day exactly as the events add up", async () => {
    const window = anomalyWindow(now, zoneA, 7);
    const sql = buildDailyModelSql({ orgId: a.orgId, timeZone: zoneA, from: window.from, to: window.to });
    const rows = await queryRaw<DailyModelRow>(sql.text, sql.params);
    const featureRows = rows.filter((r) => Number(r.by_workflow) === 0);
    const events = await db.event.aggregate({ where: { orgId: a.orgId, timestamp: { gte: window.from, lt: window.to } }, _sum: { costUsd: true }, _count: true });
    expect(sumDecimals(featureRows.map((r) => r.cost_usd))).toBe(events._sum.costUsd!.toFixed(10));
    expect(featureRows.reduce((n, r) => n + Number(r.calls), 0)).toBe(events._count);
    const { from, to } = localDateRange(spikeA, spikeA, zoneA);
    const spikeDay = await db.event.aggregate({ where: { orgId: a.orgId, workflow: "agent", timestamp: { gte: from, lt: to } }, _sum: { costUsd: true } });
    expect(sumDecimals(rows.filter((r) => Number(r.by_workflow) === 1 && r.workflow === "agent" && r.day === spikeA).map((r) => r.cost_usd))).toBe(spikeDay._sum.costUsd!.toFixed(10));
    // Calls outside any workflow are no workflow.
    expect(rows.some((r) => Number(r.by_workflow) === 1 && r.workflow === "")).toBe(false);
  });

  describe("Data Security and Isolation", () => {
    it("judges each organization on its own data only", async () => {
      const forA = await loadAnomalies(a, { now, days: 7 });
      expect(forA.every((x) => x.costUsd === "20.0000000000" && x.date === spikeA)).toBe(true);
      const forB = await loadAnomalies(b, { now, days: 7 });
      expect(forB.map((x) => [x.dimension, x.value, x.date, x.costUsd])).toEqual([["feature", "b-only", spikeB, "500.0000000000"]]);
    });

    it("answers a key only with its own organization's anomalies", async () => {
      const key = (await createApiKey(b, { name: "read", scopes: ["read"] })).secret;
      const res = await callRoute(getAnomalies, { key, method: "GET", url: "http://localhost/api/v1/anomalies?days=7" });
      expect(res.status).toBe(200);
      expect(res.json.anomalies.map((x: { value: string }) => x.value)).toEqual(["b-only"]);
    });
  });

  describe("GET /api/v1/anomalies", () => {
    let key: string;
    beforeAll(async () => {
      key = (await createApiKey(a, { name: "read", scopes: ["read"] })).secret;
    });

    it("answers the anomalies of the last 7 local days, snake_case, amounts as decimal strings", async () => {
      const res = await callRoute(getAnomalies, { key, method: "GET", url: "http://localhost/api/v1/anomalies" });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ days: 7, from: addDays(localDateOf(now, zoneA), -6), to: localDateOf(now, zoneA) });
      expect(res.json.anomalies).toHaveLength(2);
      expect(res.json.anomalies[0]).toMatchObject({
        dimension: "feature",
        value: "chat",
        date: spikeA,
        cost_usd: "20.0000000000",
        baseline_median_usd: "2.5000000000",
        excess_usd: "17.5000000000",
        baseline_days: 28,
        ratio: 8,
        cause: { kind: "retries_errors", today: { calls: 80, runs: 2, calls_per_run: 40, error_rate: 0.125 } },
      });
    });

    it("names the field of a bad `days`", async () => {
      for (const days of ["0", "32", "abc", "1.5"]) {
        const res = await callRoute(getAnomalies, { key, method: "GET", url: `http://localhost/api/v1/anomalies?days=${days}` });
        expect(res.status).toBe(400);
        expect(res.json.issues).toEqual([expect.objectContaining({ path: "days" })]);
      }
    });

    it("refuses a key without the read scope", async () => {
      const ingestKey = (await createApiKey(a, { name: "ingest", scopes: ["ingest"] })).secret;
      expect((await callRoute(getAnomalies, { key: ingestKey, method: "GET", url: "http://localhost/api/v1/anomalies" })).status).toBe(401);
    });
  });
});
