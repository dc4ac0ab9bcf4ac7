import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as acknowledgeRoute } from "@/app/api/v1/alerts/[id]/acknowledge/route";
import { GET as alertsRoute } from "@/app/api/v1/alerts/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/budgets/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/budgets/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db, Prisma } from "@/lib/db";
import { callRoute } from "@/lib/test/api-request";
import { addMember, createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { readBudgetsSpend } from "./read-budget-spend";
import { createBudgetWorkerState, runBudgetWorkerPass, startBudgetWorker, stopBudgetWorker } from "./budget-worker";
import { createBudget } from "./create-budget";
import { deleteBudget } from "./delete-budget";
import { evaluateBudgets } from "./evaluate-budgets";
import { getBudgetSeries } from "./get-budget-series";
import { getBudgetOrThrow, listBudgets } from "./list-budgets";
import type { CreateBudgetInput } from "./schemas";
import { updateBudget } from "./update-budget";

withTestDatabase();

const NOW = new Date("2026-10-15T12:00:00Z");
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 9, day, hour, 0, 0)).toISOString();

function event(overrides: Record<string, unknown>) {
  return { id: `e-${randomBytes(6).toString("hex")}`, timestamp: at(15), provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 10, output_tokens: 5 }, feature: "search", ...overrides };
}

async function setUp() {
  const owner = await createOrgWithOwner();
  const key = (await createApiKey(owner, { name: "all", scopes: ["ingest", "read", "manage"] })).secret;
  const reader = (await createApiKey(owner, { name: "read", scopes: ["read"] })).secret;
  return { owner, key, reader };
}

async function send(key: string, events: unknown[]) {
  const res = await callRoute(postEvents, { key, body: { events } });
  expect(res.status).toBe(200);
}

// Also used for bodies with deliberately bad fields, hence the cast.
const budgetBody = (overrides: Record<string, unknown> = {}) => ({ name: "Search", scope: { dimension: "feature", value: "search" }, period: "month", amount_usd: "100", ...overrides }) as CreateBudgetInput;

describe("budgets API", () => {
  it("creates, reads, lists, changes and deletes a budget, with defaults and an audit trail", async () => {
    const { owner, key, reader } = await setUp();
    const created = await callRoute(createRoute, { key, body: budgetBody({ channels: [{ type: "webhook", url: "https://hooks.example.test/a", secret: "whsec-123456" }, { type: "email", to: "fin@example.test" }] }) });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: "Search",
      scope: { dimension: "feature", value: "search" },
      period: "month",
      amount_usd: "100",
      yellow_pct: 80,
      red_pct: 100,
      workflow_cap_pct: 20,
      level: "green",
      spend_usd: "0.0000000000",
      channels: [{ type: "webhook", url: "https://hooks.example.test/a", has_secret: true }, { type: "email", to: "fin@example.test" }],
    });
    expect(JSON.stringify(created.json)).not.toContain("whsec-123456");
    expect(created.json.evaluated_at).not.toBeNull();
    const id = created.json.id as string;

    const read = await callRoute(getRoute, { key: reader, method: "GET", params: { id } });
    expect(read.json).toMatchObject({ id, level: "green" });
    expect((await callRoute(listRoute, { key: reader, method: "GET" })).json.budgets.map((b: { id: string }) => b.id)).toEqual([id]);

    // Changing the channels without the secret keeps the stored one for the same URL.
    const patched = await callRoute(patchRoute, { key, method: "PATCH", params: { id }, body: { amount_usd: 250, yellow_pct: 50, channels: [{ type: "webhook", url: "https://hooks.example.test/a" }] } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ amount_usd: "250", yellow_pct: 50, red_pct: 100, channels: [{ type: "webhook", has_secret: true }] });
    const stored = await db.budget.findUniqueOrThrow({ where: { orgId_id: { orgId: owner.orgId, id } } });
    expect(stored.channels).toEqual([{ type: "webhook", url: "https://hooks.example.test/a", secret: "whsec-123456" }]);
    const removed = await callRoute(patchRoute, { key, method: "PATCH", params: { id }, body: { channels: [{ type: "webhook", url: "https://hooks.example.test/a", secret: null }] } });
    expect(removed.json.channels).toEqual([{ type: "webhook", url: "https://hooks.example.test/a", has_secret: false }]);

    expect((await callRoute(deleteRoute, { key, method: "DELETE", params: { id } })).status).toBe(204);
    expect((await callRoute(getRoute, { key, method: "GET", params: { id } })).status).toBe(404);
    const audit = await db.auditLog.findMany({ where: { orgId: owner.orgId, targetType: "budget" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["budget.created", "budget.updated", "budget.updated", "budget.deleted"]);
    expect(JSON.stringify(audit)).not.toContain("whsec-123456");
  });

  it("names each bad field", async () => {
    const { key } = await setUp();
    const bad = await callRoute(createRoute, {
      key,
      body: { name: "", scope: { dimension: "feature" }, period: "year", amount_usd: "-5", yellow_pct: "lots", channels: [{ type: "webhook", url: "ftp://x.test" }, { type: "email", to: "nobody" }, { type: "sms" }] },
    });
    expect(bad.status).toBe(400);
    const paths = bad.json.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "scope.value", "period", "amount_usd", "yellow_pct", "channels.0.url", "channels.1.to", "channels.2.type"]));
    const order = await callRoute(createRoute, { key, body: budgetBody({ yellow_pct: 90, red_pct: 80 }) });
    expect(order.json.issues).toEqual([{ path: "yellow_pct", message: "must not be above red_pct" }]);
    const orgWithValue = await callRoute(createRoute, { key, body: budgetBody({ scope: { dimension: "org", value: "x" } }) });
    expect(orgWithValue.json.issues.map((i: { path: string }) => i.path)).toEqual(["scope.value"]);
    const created = await callRoute(createRoute, { key, body: budgetBody() });
    // The change is checked against the stored fields: yellow above the stored red is refused.
    const patch = await callRoute(patchRoute, { key, method: "PATCH", params: { id: created.json.id }, body: { yellow_pct: 120, unknown: 1 } });
    expect(patch.status).toBe(400);
    expect(patch.json.issues.map((i: { path: string }) => i.path)).toEqual(["(body)"]);
    const patch2 = await callRoute(patchRoute, { key, method: "PATCH", params: { id: created.json.id }, body: { yellow_pct: 120 } });
    expect(patch2.json.issues).toEqual([{ path: "yellow_pct", message: "must not be above red_pct" }]);
    expect((await callRoute(createRoute, { key, rawBody: "{not json" })).status).toBe(400);
  });

  it("lets FINANCE and above and manage keys change budgets, and nobody else", async () => {
    const { owner, reader } = await setUp();
    expect((await callRoute(createRoute, { key: reader, body: budgetBody() })).status).toBe(401);
    for (const role of ["ENGINEER", "VIEWER"] as const) {
      await expect(createBudget(await addMember(owner, role), budgetBody(), NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const finance = await addMember(owner, "FINANCE");
    const budget = await createBudget(finance, budgetBody(), NOW);
    const viewer = await addMember(owner, "VIEWER");
    expect((await listBudgets(viewer)).map((b) => b.id)).toEqual([budget.id]);
    await expect(updateBudget(viewer, budget.id, { amount_usd: "1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteBudget(viewer, budget.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("budget levels from the roll-ups", () => {
  it("goes yellow then red as spend arrives, one alert per change, listed newest first and acknowledged once", async () => {
    const { owner, key } = await setUp();
    const budget = await createBudget(owner, budgetBody({ workflow_cap_pct: 0 }), later(0));
    expect(budget.level).toBe("green");
    // Another feature's spend does not count.
    await send(key, [event({ cost_usd: "500", feature: "chat" }), event({ cost_usd: "79.99" })]);
    expect((await evaluateBudgets(owner.orgId, later(1)))[0]).toMatchObject({ level: "green", alertId: null, spendUsd: "79.9900000000" });
    await send(key, [event({ cost_usd: "0.01" })]);
    const yellow = (await evaluateBudgets(owner.orgId, later(2)))[0];
    expect(yellow).toMatchObject({ level: "yellow", previousLevel: "green", rule: "yellow_threshold" });
    expect(yellow.alertId).not.toBeNull();
    // Evaluating again without new spend raises nothing.
    expect((await evaluateBudgets(owner.orgId, later(3)))[0].alertId).toBeNull();
    await send(key, [event({ cost_usd: "20", timestamp: at(2) })]);
    const red = (await evaluateBudgets(owner.orgId, later(4)))[0];
    expect(red).toMatchObject({ level: "red", previousLevel: "yellow", spendUsd: "100.0000000000" });
    // Spend in September is another period.
    await send(key, [event({ cost_usd: "1000", timestamp: "2026-09-30T23:59:59Z" })]);
    expect((await evaluateBudgets(owner.orgId, later(5)))[0]).toMatchObject({ level: "red", spendUsd: "100.0000000000", alertId: null });

    const feed = await listAlerts(owner);
    expect(feed.alerts.map((a) => [a.previous_level, a.level])).toEqual([["yellow", "red"], ["green", "yellow"]]);
    expect(feed.alerts[0]).toMatchObject({ budget_id: budget.id, title: "Search", spend_usd: "100.0000000000", amount_usd: "100" });
    const stored = await getBudgetOrThrow(owner, budget.id);
    expect(stored).toMatchObject({ level: "red", spend_usd: "100.0000000000", period_start: "2026-10-01T00:00:00.000Z", period_end: "2026-11-01T00:00:00.000Z" });
    expect(stored.reason).toContain("100%");

    const acked = await callRoute(acknowledgeRoute, { key, params: { id: feed.alerts[0].id }, body: { note: "Paused the reindex job" } });
    expect(acked.status).toBe(200);
    expect(acked.json).toMatchObject({ note: "Paused the reindex job", acknowledged_by: expect.stringContaining("API key") });
    expect((await callRoute(acknowledgeRoute, { key, params: { id: feed.alerts[0].id }, rawBody: "" })).status).toBe(409);
    expect((await callRoute(acknowledgeRoute, { key, params: { id: feed.alerts[1].id }, body: { note: 5 } })).json.issues).toEqual([{ path: "note", message: "must be a string" }]);
    expect((await listAlerts(owner, { unacknowledged: "true" })).alerts.map((a) => a.id)).toEqual([feed.alerts[1].id]);
    const viewer = await addMember(owner, "VIEWER");
    await expect(acknowledgeAlert(viewer, feed.alerts[1].id, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const page = await callRoute(alertsRoute, { key, method: "GET", url: "http://localhost/api/v1/alerts?limit=1" });
    expect(page.json.alerts).toHaveLength(1);
    expect(page.json.next_before).toBe(feed.alerts[0].id);
    const next = await callRoute(alertsRoute, { key, method: "GET", url: `http://localhost/api/v1/alerts?limit=1&before=${page.json.next_before}` });
    expect(next.json).toMatchObject({ alerts: [{ id: feed.alerts[1].id }], next_before: null });
    expect((await callRoute(alertsRoute, { key, method: "GET", url: "http://localhost/api/v1/alerts?limit=0" })).json.issues[0].path).toBe("limit");
  });

  it("turns red when one workflow passes the cap, and lists the workflows driving the budget", async () => {
    const { owner, key } = await setUp();
    const budget = await createBudget(owner, { name: "All AI", scope: { dimension: "org" }, period: "week", amount_usd: "1000" }, NOW);
    await send(key, [event({ cost_usd: "150", workflow: "triage" }), event({ cost_usd: "200", workflow: "research-agent" }), event({ cost_usd: "50" })]);
    expect((await evaluateBudgets(owner.orgId, NOW))[0]).toMatchObject({ level: "green", spendUsd: "400.0000000000" });
    await send(key, [event({ cost_usd: "0.0000000001", workflow: "research-agent" })]);
    const result = (await evaluateBudgets(owner.orgId, NOW))[0];
    expect(result).toMatchObject({ level: "red", rule: "workflow_cap" });
    const read = await getBudgetOrThrow(owner, budget.id);
    expect(read.reason).toContain('Workflow "research-agent"');
    expect(read.workflows).toEqual([
      { workflow: "research-agent", spend_usd: "200.0000000001", share_pct: 20, over_cap: true },
      { workflow: "triage", spend_usd: "150.0000000000", share_pct: 15, over_cap: false },
    ]);
  });

  it("forecasts from the recent run rate and turns yellow when the forecast passes the amount", async () => {
    const { owner, key } = await setUp();
    // $10 a day from Oct 1 to Oct 14, and $5 so far today: run rate $10, 16.5 days left → 145 + 165 = 310.
    await send(key, Array.from({ length: 14 }, (_, i) => event({ cost_usd: "10", timestamp: at(i + 1) })).concat([event({ cost_usd: "5", timestamp: at(15, 9) })]));
    const budget = await createBudget(owner, budgetBody({ amount_usd: "300", workflow_cap_pct: 0 }), NOW);
    expect(budget).toMatchObject({ level: "yellow", spend_usd: "145.0000000000", forecast_usd: "310.0000000000" });
    expect(budget.reason).toContain("Forecast $310.00");
    const series = await getBudgetSeries(owner, budget.id, NOW);
    expect(series).toMatchObject({ period_start: "2026-10-01T00:00:00.000Z", period_end: "2026-11-01T00:00:00.000Z", amount_usd: "300", yellow_usd: "240.0000000000", red_usd: "300.0000000000", run_rate_usd: "10.0000000000", forecast_usd: "310.0000000000" });
    expect(series.points).toHaveLength(31);
    expect(series.points[0]).toEqual({ date: "2026-10-01", spend_usd: "10.0000000000", cumulative_usd: "10.0000000000", forecast_cumulative_usd: null });
    // Today: $5 so far, and the forecast line starts at its end of day ($5 of run rate for the half day left).
    expect(series.points[14]).toEqual({ date: "2026-10-15", spend_usd: "5.0000000000", cumulative_usd: "145.0000000000", forecast_cumulative_usd: "150.0000000000" });
    expect(series.points[15]).toEqual({ date: "2026-10-16", spend_usd: null, cumulative_usd: null, forecast_cumulative_usd: "160.0000000000" });
    expect(series.points[30].forecast_cumulative_usd).toBe(series.forecast_usd);
    const roomy = await updateBudget(owner, budget.id, { amount_usd: "310" }, later(1));
    // One second later a second less of run rate is left: $10 × (16.5 d − 1 s) + $145, just under $310.
    expect(roomy).toMatchObject({ level: "green", forecast_usd: "309.9998842593" });
    expect((await listAlerts(owner)).alerts.map((a) => a.level)).toEqual(["green", "yellow"]);
  });

  it("checks the spend statement against the ORM's sums, for several budgets in one statement", async () => {
    const { owner, key } = await setUp();
    await send(key, [
      event({ cost_usd: "1.5", workflow: "a", team: "t1" }),
      event({ cost_usd: "2.25", workflow: "b", team: "t1", timestamp: at(3) }),
      event({ cost_usd: "7", team: "t2", timestamp: at(1, 3) }),
      event({ cost_usd: "4", team: "t1", timestamp: "2026-09-29T10:00:00Z" }),
    ]);
    const queries = [
      { scopeDimension: "team", scopeValue: "t1", period: "month" },
      { scopeDimension: "org", scopeValue: "", period: "week" },
      { scopeDimension: "org", scopeValue: "", period: "quarter" },
      { scopeDimension: "workflow", scopeValue: "a", period: "day" },
      { scopeDimension: "team", scopeValue: "nobody", period: "month" },
    ] as const;
    const spends = await readBudgetsSpend(owner.orgId, "UTC", queries, NOW);
    for (const [i, q] of queries.entries()) {
      const { start, end } = spends[i].period;
      const where = { orgId: owner.orgId, hour: { gte: start, lt: end }, ...(q.scopeDimension === "org" ? {} : { [q.scopeDimension]: q.scopeValue }) };
      const orm = await db.costRollupHourly.aggregate({ where, _sum: { costUsd: true } });
      expect(spends[i].spendUsd, `${q.scopeDimension} ${q.period}`).toBe((orm._sum.costUsd ?? new Prisma.Decimal(0)).toFixed(10));
    }
    expect(spends.map((s) => s.spendUsd)).toEqual(["3.7500000000", "1.5000000000", "10.7500000000", "1.5000000000", "0.0000000000"]);
    expect(spends[0].workflows).toEqual([{ workflow: "b", spendUsd: "2.2500000000" }, { workflow: "a", spendUsd: "1.5000000000" }]);
    // The daily history reaches back 28 days before today, also before the period.
    expect(spends[0].dailyUsd.get("2026-09-29")).toBe("4.0000000000");
    expect([...spends[4].dailyUsd.keys()]).toEqual([]);
  });

  it("raises one alert per change when evaluators race", async () => {
    const { owner, key } = await setUp();
    await createBudget(owner, budgetBody({ channels: [{ type: "email", to: "fin@example.test" }] }), NOW);
    await send(key, [event({ cost_usd: "150" })]);
    const results = await Promise.all(Array.from({ length: 8 }, () => evaluateBudgets(owner.orgId, NOW)));
    expect(results.flat().filter((r) => r.alertId !== null)).toHaveLength(1);
    expect(await db.alert.count({ where: { orgId: owner.orgId } })).toBe(1);
    expect(await db.alertDelivery.count({ where: { orgId: owner.orgId } })).toBe(1);
  });
  it("raises one alert per change while ingestion and evaluations run concurrently", async () => {
    const { owner, key } = await setUp();
    await createBudget(owner, budgetBody({ yellow_pct: 50, workflow_cap_pct: 0 }), NOW);
    // Ten batches of $15 and ten evaluations at once: spend climbs through $50 and $100.
    await Promise.all([
      ...Array.from({ length: 10 }, () => send(key, [event({ cost_usd: "15" })])),
      ...Array.from({ length: 10 }, (_, i) => evaluateBudgets(owner.orgId, later(i + 1))),
    ]);
    expect((await evaluateBudgets(owner.orgId, later(30)))[0]).toMatchObject({ level: "red", spendUsd: "150.0000000000" });
    const rank = { green: 0, yellow: 1, red: 2 } as const;
    const transitions = (await listAlerts(owner)).alerts
      .map((a) => [a.previous_level, a.level] as [keyof typeof rank, keyof typeof rank])
      .sort((x, y) => rank[x[0]] - rank[y[0]]);
    // Spend only grows, so the alerts form one upward chain from green to red, each change once.
    expect(transitions[0][0]).toBe("green");
    expect(transitions[transitions.length - 1][1]).toBe("red");
    transitions.forEach(([from, to], i) => {
      expect(rank[to]).toBeGreaterThan(rank[from]);
      if (i > 0) expect(from).toBe(transitions[i - 1][1]);
    });
  });
});

describe("budget worker", () => {
  it("evaluates an organization when its roll-ups changed, when its period ended, and otherwise leaves it alone", async () => {
    const { owner, key } = await setUp();
    const budget = await createBudget(owner, budgetBody({ period: "day" }), NOW);
    const state = createBudgetWorkerState();
    const first = await runBudgetWorkerPass(state, NOW);
    expect(first.evaluatedOrgs).toContain(owner.orgId);
    const quiet = await runBudgetWorkerPass(state, new Date(NOW.getTime() + 10_000));
    expect(quiet.evaluatedOrgs).not.toContain(owner.orgId);

    await send(key, [event({ cost_usd: "120" })]);
    const busy = await runBudgetWorkerPass(state, new Date(NOW.getTime() + 20_000));
    expect(busy.evaluatedOrgs).toContain(owner.orgId);
    expect((await getBudgetOrThrow(owner, budget.id)).level).toBe("red");

    // The day ends at midnight UTC: the new day starts at $0, but yesterday's $120 run rate
    // forecasts $120 for today, over the $100 budget, so the budget comes down to yellow.
    const tomorrow = await runBudgetWorkerPass(state, new Date("2026-10-16T00:00:05Z"));
    expect(tomorrow.evaluatedOrgs).toContain(owner.orgId);
    const read = await getBudgetOrThrow(owner, budget.id);
    expect(read).toMatchObject({ level: "yellow", spend_usd: "0.0000000000", period_start: "2026-10-16T00:00:00.000Z" });
    expect(read.reason).toContain("Forecast");
    expect((await listAlerts(owner)).alerts.map((a) => a.level)).toEqual(["yellow", "red"]);
  });

  it("runs on its own once started: a level change shows without anyone evaluating, and stop ends it", async () => {
    const { owner, key } = await setUp();
    const budget = await createBudget(owner, budgetBody({ scope: { dimension: "org" }, period: "quarter", amount_usd: "1000000" }));
    const worker = startBudgetWorker({ intervalMs: 20 });
    expect(startBudgetWorker()).toBe(worker);
    try {
      // Real time here: this spend is in the current quarter (events may not be in the future).
      await send(key, [event({ cost_usd: "2000000", timestamp: new Date(Date.now() - 60_000).toISOString() })]);
      await expect.poll(async () => (await getBudgetOrThrow(owner, budget.id)).level, { timeout: 10_000, interval: 50 }).toBe("red");
    } finally {
      await worker.stop();
    }
    expect(startBudgetWorker({ intervalMs: 60_000 })).not.toBe(worker);
    await stopBudgetWorker();
  });
});

describe("Data Security and Isolation", () => {
  it("keeps each organization's budgets, spend and alerts apart on every endpoint", async () => {
    const a = await setUp();
    const b = await setUp();
    const aBudget = await callRoute(createRoute, { key: a.key, body: budgetBody({ scope: { dimension: "org" }, amount_usd: "10" }) });
    const bBudget = await createBudget(b.owner, budgetBody({ scope: { dimension: "org" }, amount_usd: "10" }), NOW);
    await send(a.key, [event({ cost_usd: "50" })]);
    await evaluateBudgets(a.owner.orgId, NOW);
    await evaluateBudgets(b.owner.orgId, NOW);
    expect((await getBudgetOrThrow(b.owner, bBudget.id)).spend_usd).toBe("0.0000000000");
    const aAlerts = (await listAlerts(a.owner)).alerts;
    expect(aAlerts).toHaveLength(1);
    const id = aBudget.json.id as string;

    expect((await callRoute(listRoute, { key: b.key, method: "GET" })).json.budgets.map((x: { id: string }) => x.id)).toEqual([bBudget.id]);
    expect((await callRoute(getRoute, { key: b.key, method: "GET", params: { id } })).status).toBe(404);
    expect((await callRoute(patchRoute, { key: b.key, method: "PATCH", params: { id }, body: { amount_usd: "1" } })).status).toBe(404);
    expect((await callRoute(deleteRoute, { key: b.key, method: "DELETE", params: { id } })).status).toBe(404);
    expect((await callRoute(alertsRoute, { key: b.key, method: "GET", url: "http://localhost/api/v1/alerts" })).json.alerts).toEqual([]);
    expect((await callRoute(alertsRoute, { key: b.key, method: "GET", url: `http://localhost/api/v1/alerts?budget_id=${id}` })).json.alerts).toEqual([]);
    expect((await callRoute(acknowledgeRoute, { key: b.key, params: { id: aAlerts[0].id }, body: {} })).status).toBe(404);

    // A's budget and alert are untouched.
    expect((await getBudgetOrThrow(a.owner, id)).amount_usd).toBe("10");
    expect((await listAlerts(a.owner)).alerts[0].acknowledged_at).toBeNull();
    expect(await db.budget.count({ where: { orgId: b.owner.orgId } })).toBe(1);
  });
});
