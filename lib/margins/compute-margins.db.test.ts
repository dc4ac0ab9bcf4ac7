import { beforeAll, describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as postOutcomes } from "@/app/api/v1/outcomes/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { resolveOrgContext, type OrgContext } from "@/lib/auth/org-context";
import { db } from "@/lib/db";
import { recordRevenue } from "@/lib/revenue/record-revenue";
import { callRoute } from "@/lib/test/api-request";
import { addMember, createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { computeMargins } from "./compute-margins";

withTestDatabase();

let counter = 0;
function event(timestamp: string, cost_usd: string, fields: Record<string, string> = {}) {
  counter += 1;
  return { id: `mg-${counter}`, timestamp, provider: "openai", model: "gpt-4o", usage: { input_tokens: 10, output_tokens: 1 }, cost_usd, ...fields };
}

/** An organization in New York time, so month edges are not UTC midnights. */
async function newYorkOrg(): Promise<{ ctx: OrgContext; ingest: string }> {
  const owner = await createOrgWithOwner();
  await db.organization.update({ where: { id: owner.orgId }, data: { timeZone: "America/New_York" } });
  const ctx = await resolveOrgContext({ userId: owner.userId, orgSlug: owner.orgSlug });
  return { ctx, ingest: (await createApiKey(ctx, { name: "ingest", scopes: ["ingest"] })).secret };
}

async function send(ingest: string, events: unknown[], outcomes: unknown[] = []) {
  expect((await callRoute(postEvents, { key: ingest, body: { events } })).json).toMatchObject({ rejected: 0 });
  if (outcomes.length) expect((await callRoute(postOutcomes, { key: ingest, body: { outcomes } })).status).toBe(200);
}

describe("computeMargins", () => {
  let ctx: OrgContext;

  beforeAll(async () => {
    const org = await newYorkOrg();
    ctx = org.ctx;
    await send(
      org.ingest,
      [
        event("2026-10-05T12:00:00Z", "12.3456789012", { feature: "chat", run_id: "r1" }),
        event("2026-10-05T12:00:05Z", "0.0000000001", { feature: "chat", run_id: "r1" }),
        event("2026-10-20T12:00:00Z", "7.6543210987", { feature: "chat", run_id: "r2" }),
        // September 30th, 22:00 in New York: the previous period.
        event("2026-10-01T02:00:00Z", "100", { feature: "chat" }),
        // October 31st, 23:30 in New York: still October.
        event("2026-11-01T03:30:00Z", "1", { feature: "chat" }),
        // November in New York: after the period.
        event("2026-11-01T04:00:00Z", "1000", { feature: "chat" }),
        event("2026-10-10T12:00:00Z", "5", { feature: "search" }),
        event("2026-10-11T12:00:00Z", "0.5"),
      ],
      [
        { run_id: "r1", outcome: "success" },
        { run_id: "r2", outcome: "failure" },
      ],
    );
    await recordRevenue(org.ctx, [
      { month: "2026-10", feature: "chat", amount_usd: "150" },
      { month: "2026-10", feature: "chat", customer: "acme", amount_usd: "50.5" },
      { month: "2026-10", feature: "billing", amount_usd: "30" },
      { month: "2026-09", feature: "chat", amount_usd: "400" },
      { month: "2026-11", feature: "chat", amount_usd: "9999" },
    ]);
  });

  it("answers every measure per feature and in total, exactly, in the organization's calendar", async () => {
    const report = await computeMargins(ctx, "2026-10");
    expect(report).toMatchObject({ period: "2026-10", kind: "month", from: "2026-10-01T00:00:00-04:00", to: "2026-11-01T00:00:00-04:00", previous_period: "2026-09" });
    expect(report.features.map((f) => f.feature)).toEqual(["chat", "billing", "search", "(untagged)"]);
    expect(report.features[0]).toEqual({
      feature: "chat",
      revenue_usd: "200.5000000000",
      inference_cost_usd: "21.0000000000",
      gross_margin_usd: "179.5000000000",
      gross_margin_pct: "89.53",
      inference_share_of_revenue_pct: "10.47",
      cost_per_decision_usd: "10.0000000000",
      cost_per_successful_outcome_usd: "20.0000000000",
      decisions: 2,
      successful_outcomes: 1,
      flags: ["inference_above_10pct_of_gross_margin"],
      previous: { revenue_usd: "400.0000000000", inference_cost_usd: "100.0000000000", gross_margin_usd: "300.0000000000", gross_margin_pct: "75.00", inference_share_of_revenue_pct: "25.00" },
    });
    expect(report.features[1]).toMatchObject({ feature: "billing", revenue_usd: "30.0000000000", inference_cost_usd: "0.0000000000", flags: [], previous: null });
    expect(report.features[2]).toMatchObject({ feature: "search", revenue_usd: "0.0000000000", gross_margin_usd: "-5.0000000000", gross_margin_pct: null, flags: ["no_revenue"] });
    expect(report.features[3]).toMatchObject({ feature: "(untagged)", inference_cost_usd: "0.5000000000", flags: ["no_revenue"] });
    expect(report.total).toEqual({
      revenue_usd: "230.5000000000",
      inference_cost_usd: "26.5000000000",
      gross_margin_usd: "204.0000000000",
      gross_margin_pct: "88.50",
      inference_share_of_revenue_pct: "11.50",
      cost_per_decision_usd: "10.0000000000",
      cost_per_successful_outcome_usd: "20.0000000000",
      decisions: 2,
      successful_outcomes: 1,
      flags: ["inference_above_10pct_of_gross_margin"],
      previous: { revenue_usd: "400.0000000000", inference_cost_usd: "100.0000000000", gross_margin_usd: "300.0000000000", gross_margin_pct: "75.00", inference_share_of_revenue_pct: "25.00" },
    });
  });

  it("sums a quarter's months and compares with the previous quarter", async () => {
    const report = await computeMargins(ctx, "2026-Q4");
    expect(report.previous_period).toBe("2026-Q3");
    expect(report.features[0]).toMatchObject({ feature: "chat", revenue_usd: "10199.5000000000", inference_cost_usd: "1021.0000000000", previous: { revenue_usd: "400.0000000000" } });
  });

  it("answers an empty report for a period without data, and rejects a bad period", async () => {
    const empty = await computeMargins(ctx, "2025-01");
    expect(empty.features).toEqual([]);
    expect(empty.total).toMatchObject({ revenue_usd: "0.0000000000", inference_cost_usd: "0.0000000000", flags: ["no_revenue"], previous: null, cost_per_decision_usd: null });
    await expect(computeMargins(ctx, "2026-13")).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("is readable by every role", async () => {
    const viewer = await addMember(ctx, "VIEWER");
    expect((await computeMargins(viewer, "2026-10")).total.revenue_usd).toBe("230.5000000000");
  });

  describe("Data Security and Isolation", () => {
    it("never mixes two organizations' revenue, cost or runs", async () => {
      const other = await newYorkOrg();
      await send(other.ingest, [event("2026-10-06T12:00:00Z", "3", { feature: "chat", run_id: "r1" })], [{ run_id: "r1", outcome: "success" }]);
      await recordRevenue(other.ctx, [{ month: "2026-10", feature: "chat", amount_usd: "7" }]);
      const theirs = await computeMargins(other.ctx, "2026-10");
      expect(theirs.features).toEqual([expect.objectContaining({ feature: "chat", revenue_usd: "7.0000000000", inference_cost_usd: "3.0000000000", decisions: 1, previous: null })]);
      const ours = await computeMargins(ctx, "2026-10");
      expect(ours.total).toMatchObject({ revenue_usd: "230.5000000000", inference_cost_usd: "26.5000000000", decisions: 2 });
    });
  });
});
