import { describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { GET as getReview } from "@/app/api/v1/reviews/weekly/route";
import { createActionItem } from "@/lib/action-items/create-action-item";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { loadWeeklyReview } from "./load-weekly-review";
import { parseReviewWeek } from "./review-week";

withTestDatabase();

let counter = 0;
const event = (timestamp: string, cost_usd: string, workflow?: string) => ({
  id: `evt-${++counter}`,
  timestamp,
  provider: "openai",
  model: "gpt-4o-mini",
  usage: { input_tokens: 100, output_tokens: 10 },
  cost_usd,
  ...(workflow ? { workflow } : {}),
});

// W46 = Mon 9 – Sun 15 November 2026, W47 = Mon 16 – Sun 22 November (UTC organization)
const EVENTS = [
  event("2026-11-10T10:00:00Z", "10", "research"),
  event("2026-11-12T10:00:00Z", "2.5", "research"),
  event("2026-11-17T10:00:00Z", "15", "research"),
  event("2026-11-11T10:00:00Z", "8", "support"),
  event("2026-11-18T10:00:00Z", "6", "support"),
  event("2026-11-19T10:00:00Z", "4", "triage"),
  event("2026-11-20T10:00:00Z", "3", "billing"),
  event("2026-11-13T10:00:00Z", "1", "billing"),
  event("2026-11-21T10:00:00Z", "2", "digest"),
  event("2026-11-22T23:59:59Z", "1", "ocr"),
  // W48: outside the week
  event("2026-11-23T00:00:00Z", "99", "research"),
  // no workflow: in the totals, not in the ranking
  event("2026-11-16T00:00:00Z", "50"),
];

async function seed() {
  const org = await createOrgWithOwner();
  const ingest = (await createApiKey(org, { name: "ingest", scopes: ["ingest"] })).secret;
  const res = await callRoute(postEvents, { key: ingest, body: { events: EVENTS } });
  expect(res.status).toBeLessThan(300);
  return org;
}

describe("loadWeeklyReview", () => {
  it("ranks the week's five most expensive workflows against the week before (hand-checked)", async () => {
    const org = await seed();
    const week = parseReviewWeek("2026-W47", org.timeZone);
    const review = await loadWeeklyReview(org, week, new Date("2026-11-25T12:00:00Z"));
    expect(review.week).toMatchObject({ label: "2026-W47", start_date: "2026-11-16", last_date: "2026-11-22", tense: "past" });
    expect(review.previous_week).toBe("2026-W46");
    expect(review.next_week).toBe("2026-W48");
    expect(review.workflows.top.map((w) => [w.workflow, w.cost_usd, w.previous_cost_usd, w.change_usd, w.change_pct, w.is_new])).toEqual([
      ["research", "15.0000000000", "12.5000000000", "2.5000000000", 20, false],
      ["support", "6.0000000000", "8.0000000000", "-2.0000000000", -25, false],
      ["triage", "4.0000000000", "0.0000000000", "4.0000000000", null, true],
      ["billing", "3.0000000000", "1.0000000000", "2.0000000000", 200, false],
      ["digest", "2.0000000000", "0.0000000000", "2.0000000000", null, true],
    ]);
    // 15 + 6 + 4 + 3 + 2 + 1 (ocr, sixth) + 50 (no workflow); last week 10 + 2.5 + 8 + 1
    expect(review.workflows.total_usd).toBe("81.0000000000");
    expect(review.workflows.previous_total_usd).toBe("21.5000000000");
    expect(review.budgets_source).toBe("alerts");
  });

  it("compares a week in progress with the week before up to the same point", async () => {
    const org = await seed();
    // Wednesday 18 November 10:30: last week is cut at Wednesday 11 November 10:30
    const review = await loadWeeklyReview(org, parseReviewWeek("2026-W47", org.timeZone), new Date("2026-11-18T10:30:00Z"));
    expect(review.week.tense).toBe("current");
    expect(review).toMatchObject({ previous_partial: true, previous_until: "2026-11-11T10:30:00.000Z", budgets_source: "current" });
    expect(review.workflows.top.map((w) => [w.workflow, w.cost_usd, w.previous_cost_usd, w.change_pct])).toEqual([
      ["research", "15.0000000000", "10.0000000000", 50],
      ["support", "6.0000000000", "8.0000000000", -25],
    ]);
    // this week so far: 15 + 6 + 50 (no workflow); last week to the same point: 10 + 8
    expect(review.workflows.total_usd).toBe("71.0000000000");
    expect(review.workflows.previous_total_usd).toBe("18.0000000000");
  });

  it("takes a past week's budgets from its alerts, and its new findings and action items", async () => {
    const org = await seed();
    const inWeek = new Date("2026-11-18T09:00:00Z");
    const alert = (level: string, title: string, createdAt: Date) =>
      db.alert.create({ data: { orgId: org.orgId, kind: "budget", budgetId: `b-${title}`, title, level, reason: `${title} is ${level}`, createdAt } });
    await alert("yellow", "Monthly LLM", inWeek);
    await alert("red", "Monthly LLM", new Date("2026-11-19T09:00:00Z"));
    await alert("green", "Support", inWeek);
    await alert("red", "Last week", new Date("2026-11-15T23:00:00Z"));
    const finding = (key: string, createdAt: Date) =>
      db.finding.create({ data: { orgId: org.orgId, kind: "unsanctioned_tool", key, title: key, totalUsd: "20", monthlyUsd: [], people: [], evidence: [], createdAt } });
    const fresh = await finding("unsanctioned_tool:new", inWeek);
    await finding("unsanctioned_tool:old", new Date("2026-11-01T00:00:00Z"));
    await createActionItem(org, { title: "From W46", week: "2026-W46" });
    await createActionItem(org, { title: "From W48", week: "2026-W48" });

    const review = await loadWeeklyReview(org, parseReviewWeek("2026-W47", org.timeZone), new Date("2026-11-25T12:00:00Z"));
    expect(review.budgets.map((b) => [b.name, b.level])).toEqual([["Monthly LLM", "red"]]);
    expect(review.findings.map((f) => f.id)).toEqual([fresh.id]);
    expect(review.action_items.map((i) => [i.title, i.carried_over])).toEqual([["From W46", true]]);
    // research's $15 on the 17th after a week of $0 days is a spike; only the week's days are kept
    expect(review.anomalies.map((a) => [a.value, a.date])).toContainEqual(["research", "2026-11-17"]);
    expect(review.anomalies.every((a) => a.date >= "2026-11-16" && a.date <= "2026-11-22")).toBe(true);
  });

  it("answers the route with ?week= and refuses a bad week", async () => {
    const org = await seed();
    const read = (await createApiKey(org, { name: "read", scopes: ["read"] })).secret;
    const ingestOnly = (await createApiKey(org, { name: "i", scopes: ["ingest"] })).secret;
    const url = "http://localhost/api/v1/reviews/weekly";
    const res = await callRoute(getReview, { key: read, method: "GET", url: `${url}?week=2026-11-18` });
    expect(res).toMatchObject({ status: 200, json: { week: { label: "2026-W47" }, workflows: { top: expect.any(Array) } } });
    expect(res.json.workflows.top).toHaveLength(5);
    expect((await callRoute(getReview, { key: read, method: "GET", url: `${url}?week=W47` })).status).toBe(400);
    expect((await callRoute(getReview, { key: ingestOnly, method: "GET", url })).status).toBe(401);
  });

  describe("Data Security and Isolation", () => {
    it("shows nothing of another organization", async () => {
      await seed();
      const other = await createOrgWithOwner();
      const review = await loadWeeklyReview(other, parseReviewWeek("2026-W47", other.timeZone), new Date("2026-11-25T12:00:00Z"));
      expect(review.workflows).toEqual({ total_usd: "0.0000000000", previous_total_usd: "0.0000000000", change_usd: "0.0000000000", change_pct: null, top: [] });
      expect(review.action_items).toEqual([]);
      expect(review.findings).toEqual([]);
      expect(review.budgets).toEqual([]);
    });
  });
});
