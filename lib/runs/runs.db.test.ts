import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { POST as postOutcomes } from "@/app/api/v1/outcomes/route";
import { GET as getRunRoute } from "@/app/api/v1/runs/[run_id]/route";
import { GET as listRunsRoute } from "@/app/api/v1/runs/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { OrgContext } from "@/lib/auth/org-context";
import { db, Prisma, queryRaw } from "@/lib/db";
import { ensureEventPartitions } from "@/lib/partitions/ensure-event-partitions";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { bucketCosts } from "./cost-histogram";
import { GET_RUN_SQL, getRunOrThrow } from "./get-run";
import { listRuns } from "./list-runs";
import type { RunListItem } from "./schemas";
import { summarizeWorkflows } from "./summarize-workflows";

withTestDatabase();

const RANGE = { from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z" };
const at = (day: number, minute = 0, second = 0) => new Date(Date.UTC(2026, 9, day, 10, minute, second)).toISOString();

type EventInput = { run_id: string; cost_usd: string; timestamp: string } & Record<string, unknown>;

function event(overrides: EventInput) {
  return { id: `evt-${randomBytes(6).toString("hex")}`, provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 100, output_tokens: 10 }, workflow: "triage", feature: "support", ...overrides };
}

async function orgWithKeys() {
  const org = await createOrgWithOwner();
  const ingest = (await createApiKey(org, { name: "ingest", scopes: ["ingest"] })).secret;
  const read = (await createApiKey(org, { name: "read", scopes: ["read"] })).secret;
  return { org, ingest, read };
}

async function send(key: string, events: unknown[]) {
  const res = await callRoute(postEvents, { key, body: { events } });
  expect(res.status).toBe(200);
}

async function sendOutcomes(key: string, outcomes: unknown[]) {
  const res = await callRoute(postOutcomes, { key, body: { outcomes } });
  expect(res.status).toBe(200);
}

const list = (key: string, query: string) => callRoute(listRunsRoute, { key, method: "GET", url: `http://localhost/api/v1/runs?${query}` });
// Next.js hands the handler the segment decoded once, as `params` here.
const fetchRun = (key: string, runId: string) =>
  callRoute(getRunRoute, { key, method: "GET", url: `http://localhost/api/v1/runs/${encodeURIComponent(runId)}`, params: { run_id: runId } });

async function listAll(key: string, query: string, limit: number): Promise<RunListItem[]> {
  const runs: RunListItem[] = [];
  let cursor: string | null = null;
  do {
    const res = await list(key, `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status).toBe(200);
    expect(res.json.runs.length).toBeLessThanOrEqual(limit);
    runs.push(...res.json.runs);
    cursor = res.json.next_cursor;
  } while (cursor);
  return runs;
}

describe("GET /api/v1/runs", () => {
  let org: OrgContext;
  let ingest: string;
  let read: string;
  // 23 runs with deliberate ties in cost, steps and start, so paging must rely on the tie-breaker.
  const costs = ["0.5", "0.1", "0.5", "1.25", "0.0000000001", "0.1", "3", "0.5", "0.75", "2", "0.1", "0.3333333333", "0.5", "1", "0.2", "0.2", "0.9", "0.0000000002", "4", "0.5", "0.6", "0.7", "0.8"];

  beforeAll(async () => {
    ({ org, ingest, read } = await orgWithKeys());
    await send(
      ingest,
      costs.flatMap((cost, i) => {
        const run = `run-${String(i).padStart(2, "0")}`;
        const steps = (i % 3) + 1;
        // Each run's cost is split over its steps; the last step takes the remainder.
        const share = new Prisma.Decimal(cost).div(steps).toDecimalPlaces(10, Prisma.Decimal.ROUND_DOWN);
        return Array.from({ length: steps }, (_, s) =>
          event({
            run_id: run,
            timestamp: at(1 + (i % 5), s),
            cost_usd: s === steps - 1 ? new Prisma.Decimal(cost).minus(share.times(steps - 1)).toFixed(10) : share.toFixed(10),
            workflow: i % 2 === 0 ? "triage" : "refund",
            feature: i < 10 ? "support" : "billing",
          }),
        );
      }),
    );
    await send(ingest, [event({ run_id: "run-september", cost_usd: "100", timestamp: "2026-09-15T00:00:00Z" })]);
    await sendOutcomes(ingest, [
      { run_id: "run-00", outcome: "success" },
      { run_id: "run-01", outcome: "failure" },
      { run_id: "run-02", outcome: "success" },
      { run_id: "run-03", outcome: "abandoned" },
    ]);
  });

  it("sorts by cost, dearest first, with run id breaking ties, and pages without duplicates or misses", async () => {
    const expected = costs
      .map((cost, i) => ({ cost: new Prisma.Decimal(cost), run: `run-${String(i).padStart(2, "0")}` }))
      .sort((a, b) => b.cost.comparedTo(a.cost) || (a.run < b.run ? -1 : 1))
      .map((r) => r.run);
    const all = await listAll(read, `from=${RANGE.from}&to=${RANGE.to}`, 4);
    expect(all.map((r) => r.run_id)).toEqual(expected);
    expect(all[0]).toMatchObject({ run_id: "run-18", cost_usd: "4", steps: 1, workflow: "triage", feature: "billing" });
    const single = await list(read, `from=${RANGE.from}&to=${RANGE.to}&limit=500`);
    expect(single.json.next_cursor).toBeNull();
    expect(single.json.runs).toEqual(all);
  });

  it("pages by steps and by start time with the same guarantees", async () => {
    for (const sort of ["steps", "started_at"] as const) {
      const all = await listAll(read, `from=${RANGE.from}&to=${RANGE.to}&sort=${sort}`, 5);
      expect(new Set(all.map((r) => r.run_id)).size).toBe(costs.length);
      const key = (r: RunListItem) => (sort === "steps" ? r.steps : Date.parse(r.started_at));
      for (let i = 1; i < all.length; i++) {
        const ordered = key(all[i - 1]) > key(all[i]) || (key(all[i - 1]) === key(all[i]) && all[i - 1].run_id < all[i].run_id);
        expect(ordered).toBe(true);
      }
    }
  });

  it("answers each run with its totals, duration and outcome", async () => {
    const res = await list(read, `from=${RANGE.from}&to=${RANGE.to}&limit=500`);
    const run03 = res.json.runs.find((r: RunListItem) => r.run_id === "run-03");
    expect(run03).toEqual({
      run_id: "run-03",
      workflow: "refund",
      feature: "support",
      started_at: at(4, 0),
      ended_at: at(4, 0),
      duration_ms: 0,
      steps: 1,
      errors: 0,
      cost_usd: "1.25",
      input_tokens: 100,
      output_tokens: 10,
      outcome: "abandoned",
      outcome_value_usd: null,
    });
    const run02 = res.json.runs.find((r: RunListItem) => r.run_id === "run-02");
    expect(run02).toMatchObject({ steps: 3, duration_ms: 120_000, input_tokens: 300, cost_usd: "0.5" });
  });

  it("filters by workflow, feature, outcome and range", async () => {
    const ids = async (query: string) => (await listAll(read, query, 500)).map((r) => r.run_id).sort();
    const base = `from=${RANGE.from}&to=${RANGE.to}`;
    const expectedTriage = costs.map((_, i) => i).filter((i) => i % 2 === 0).map((i) => `run-${String(i).padStart(2, "0")}`);
    expect(await ids(`${base}&workflow=triage`)).toEqual(expectedTriage);
    expect(await ids(`${base}&workflow=triage&feature=support`)).toEqual(["run-00", "run-02", "run-04", "run-06", "run-08"]);
    expect(await ids(`${base}&outcome=success`)).toEqual(["run-00", "run-02"]);
    expect(await ids(`${base}&outcome=abandoned`)).toEqual(["run-03"]);
    expect((await ids(`${base}&outcome=none`)).length).toBe(costs.length - 4);
    // Runs start on days 1..5; [day 2, day 3) holds the runs with i % 5 == 1.
    expect(await ids(`from=${at(2)}&to=${at(3)}`)).toEqual(["run-01", "run-06", "run-11", "run-16", "run-21"]);
    expect(await ids(`from=2026-09-01T00:00:00Z&to=2026-10-01T00:00:00Z`)).toEqual(["run-september"]);
    expect(await ids(`${base}&workflow=nope`)).toEqual([]);
  });

  it("defaults to the last 30 days", async () => {
    const result = await listRuns(org, {}, new Date("2026-10-10T00:00:00Z"));
    expect(result.runs.map((r) => r.run_id)).toContain("run-september");
    expect((await listRuns(org, {}, new Date("2026-12-31T00:00:00Z"))).runs).toEqual([]);
  });

  it("answers 400 naming the bad parameter", async () => {
    const cases: [string, string][] = [
      ["limit=0", "limit"],
      ["limit=501", "limit"],
      ["limit=ten", "limit"],
      ["sort=price", "sort"],
      ["outcome=won", "outcome"],
      ["from=yesterday", "from"],
      [`from=${RANGE.to}&to=${RANGE.from}`, "to"],
      ["cursor=garbage", "cursor"],
      ["summary=features", "summary"],
      ["summary=workflows&to=soon", "to"],
    ];
    for (const [query, param] of cases) {
      const res = await list(read, query);
      expect(res.status, query).toBe(400);
      expect(res.json.issues.map((i: { path: string }) => i.path), query).toContain(param);
      expect(res.json.error, query).toContain(param);
    }
    const page = await list(read, `from=${RANGE.from}&to=${RANGE.to}&limit=2&sort=steps`);
    const mismatched = await list(read, `from=${RANGE.from}&to=${RANGE.to}&sort=cost&cursor=${page.json.next_cursor}`);
    expect(mismatched.status).toBe(400);
    expect(mismatched.json.issues[0].path).toBe("cursor");
  });

  it("answers 401 for a key without the read scope, and for an unknown key", async () => {
    expect((await list(ingest, "")).status).toBe(401);
    expect((await list(`mk_${"q".repeat(40)}`, "")).status).toBe(401);
    expect((await fetchRun(ingest, "run-00")).status).toBe(401);
  });
});

describe("GET /api/v1/runs/{run_id}", () => {
  let ingest: string;
  let read: string;
  // Slashes, spaces, "?" and a literal "%41" must all survive: the id is never decoded twice.
  const runId = "agent/run 1?x=%41";
  const calls = [
    { id: "c-plan", timestamp: at(7, 0, 0), cost_usd: "0.0012345678", model: "gpt-4o", step: "plan", latency_ms: 800, tags: { tier: "gold" } },
    { id: "c-search-b", timestamp: at(7, 0, 2), cost_usd: "0.0000000001", operation: "embedding", model: "text-embedding-3-small", step: "search", latency_ms: 40 },
    { id: "c-search-a", timestamp: at(7, 0, 2), cost_usd: "0.0000000002", operation: "embedding", model: "text-embedding-3-small", step: "search", latency_ms: 35 },
    { id: "c-answer", timestamp: at(7, 0, 5), cost_usd: "0.0456789", model: "gpt-4o", step: "answer", latency_ms: 2500, usage: { input_tokens: 5000, output_tokens: 800, cached_input_tokens: 1000, reasoning_tokens: 200 } },
    { id: "c-retry", timestamp: at(7, 0, 9), cost_usd: "0.0456789", model: "gpt-4o", step: "answer", status: "error", latency_ms: 30000 },
  ];

  beforeAll(async () => {
    ({ ingest, read } = await orgWithKeys());
    // Sent out of order and in two batches: the run page orders by timestamp, then id.
    await send(ingest, [calls[3], calls[0]].map((c) => event({ run_id: runId, ...c })));
    await send(ingest, [calls[4], calls[2], calls[1]].map((c) => event({ run_id: runId, ...c })));
    await sendOutcomes(ingest, [{ run_id: runId, outcome: "success", value_usd: "0.99", timestamp: at(7, 1) }]);
  });

  it("answers the calls in order with offsets, and step costs that sum exactly to the run cost", async () => {
    const res = await fetchRun(read, runId);
    expect(res.status).toBe(200);
    const run = res.json;
    expect(run.calls.map((c: { id: string }) => c.id)).toEqual(["c-plan", "c-search-a", "c-search-b", "c-answer", "c-retry"]);
    expect(run.calls.map((c: { offset_ms: number }) => c.offset_ms)).toEqual([0, 2000, 2000, 5000, 9000]);
    const sum = run.calls.reduce((s: Prisma.Decimal, c: { cost_usd: string }) => s.plus(c.cost_usd), new Prisma.Decimal(0));
    expect(sum.toFixed(10)).toBe(new Prisma.Decimal(run.cost_usd).toFixed(10));
    expect(run).toMatchObject({
      run_id: runId,
      workflow: "triage",
      steps: 5,
      errors: 1,
      cost_usd: "0.0925923681",
      duration_ms: 9000,
      started_at: at(7, 0, 0),
      ended_at: at(7, 0, 9),
      outcome: "success",
      outcome_value_usd: "0.99",
      outcome_at: at(7, 1),
      // Two calls tie for dearest; the first in run order wins.
      most_expensive_call_id: "c-answer",
    });
    expect(run.calls[0]).toEqual({
      id: "c-plan",
      timestamp: at(7, 0, 0),
      offset_ms: 0,
      latency_ms: 800,
      provider: "openai",
      model: "gpt-4o",
      operation: "chat",
      step: "plan",
      status: "ok",
      input_tokens: 100,
      output_tokens: 10,
      cached_input_tokens: 0,
      cache_write_tokens: 0,
      reasoning_tokens: 0,
      cost_usd: "0.0012345678",
      cost_source: "reported",
      feature: "support",
      tags: { tier: "gold" },
    });
    expect(run.calls[3]).toMatchObject({ input_tokens: 5000, output_tokens: 800, cached_input_tokens: 1000, reasoning_tokens: 200, operation: "chat" });
    expect(run.calls[4]).toMatchObject({ status: "error", latency_ms: 30000 });
  });

  it("answers a run that has an outcome but no calls yet", async () => {
    await sendOutcomes(ingest, [{ run_id: "early", outcome: "failure" }]);
    const res = await fetchRun(read, "early");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ run_id: "early", steps: 0, cost_usd: "0", started_at: null, duration_ms: null, calls: [], most_expensive_call_id: null, outcome: "failure" });
  });

  it("answers 404 for an unknown run", async () => {
    const res = await fetchRun(read, "no-such-run");
    expect(res.status).toBe(404);
    expect(res.json.error).toMatch(/not found/i);
  });

  it("reads the calls through the (orgId, runId) index", async () => {
    const { org } = await orgWithKeys();
    // Enough rows in another org that the planner prefers the index, as it would at 10M events,
    // written straight to October's partition (ingest would make it; this bypasses ingest).
    await ensureEventPartitions([new Date("2026-10-01T00:00:00Z")]);
    await queryRaw(
      `INSERT INTO "Event" ("orgId", "id", "timestamp", "provider", "model", "costUsd", "costSource", "runId")
       SELECT $1, 'bulk-' || g, timestamptz '2026-10-01' + g * interval '1 second', 'openai', 'gpt-4o-mini', 0.001, 'reported', 'bulk-run-' || (g / 10)
       FROM generate_series(1, 20000) AS g`,
      [org.orgId],
    );
    await queryRaw(`ANALYZE "Event"`, []);
    const plan = (await queryRaw<{ "QUERY PLAN": string }>(`EXPLAIN ${GET_RUN_SQL}`, [org.orgId, "bulk-run-42"])).map((r) => r["QUERY PLAN"]).join("\n");
    // Each monthly partition has its own copy of the index, named after it; the other tests' few
    // rows in other months may be scanned whole, as the planner rightly prefers for a handful.
    expect(plan).toMatch(/Index Scan using "Event_2026_10_orgId_runId_idx"|Bitmap Index Scan on "Event_2026_10_orgId_runId_idx"/);
    expect(plan).not.toMatch(/Seq Scan on "Event_2026_10"/);
  });
});

describe("workflow summary", () => {
  it("computes runs, cost per run p50/p95/max, steps, success rate and cost per successful outcome", async () => {
    const { org, ingest, read } = await orgWithKeys();
    // triage: five runs costing 0.1, 0.2 (2 steps), 0.4 (2 steps), 1.3 (3 steps, 1 error), 0.0000000001.
    await send(ingest, [
      event({ run_id: "t1", cost_usd: "0.1", timestamp: at(3) }),
      event({ run_id: "t2", cost_usd: "0.05", timestamp: at(3) }),
      event({ run_id: "t2", cost_usd: "0.15", timestamp: at(3, 1) }),
      event({ run_id: "t3", cost_usd: "0.1", timestamp: at(3) }),
      event({ run_id: "t3", cost_usd: "0.3", timestamp: at(3, 1) }),
      event({ run_id: "t4", cost_usd: "0.3", timestamp: at(3) }),
      event({ run_id: "t4", cost_usd: "1", timestamp: at(3, 1), status: "error" }),
      event({ run_id: "t4", cost_usd: "0", timestamp: at(3, 2) }),
      event({ run_id: "t5", cost_usd: "0.0000000001", timestamp: at(3) }),
      // bulk: 21 one-step runs costing 0.01 .. 0.21, none with an outcome.
      ...Array.from({ length: 21 }, (_, i) => event({ run_id: `b${i + 1}`, cost_usd: ((i + 1) / 100).toFixed(2), timestamp: at(4), workflow: "bulk" })),
      // Out of range: must not count.
      event({ run_id: "t-old", cost_usd: "50", timestamp: "2026-09-30T23:59:59Z" }),
    ]);
    await sendOutcomes(ingest, ["t1", "t2", "t3"].map((run_id) => ({ run_id, outcome: "success" })).concat([{ run_id: "t4", outcome: "failure" }]));

    const { workflows } = await summarizeWorkflows(org, RANGE);
    expect(workflows.map((w) => w.workflow)).toEqual(["bulk", "triage"]);
    const [bulk, triage] = workflows;
    expect(triage).toMatchObject({
      runs: 5,
      cost_usd: "2.0000000001",
      // percentile_disc: the value at position ceil(p × n) in cost order: 3rd of 5 and 5th of 5.
      cost_per_run: { p50_usd: "0.2", p95_usd: "1.3", max_usd: "1.3", min_usd: "0.0000000001" },
      steps_per_run: { avg: 1.8, max: 3 },
      errors: 1,
      outcomes: { success: 3, failure: 1, abandoned: 0, none: 1 },
      success_rate: 0.75,
      // 2.0000000001 / 3 = 0.66666666670000…, rounded to 10 places.
      cost_per_successful_outcome_usd: "0.6666666667",
    });
    expect(triage.cost_histogram).toEqual(bucketCosts(["0.1", "0.2", "0.4", "1.3", "0.0000000001"]));
    expect(triage.cost_histogram.map((b) => b.runs).flatMap((n, i) => (n ? [[i, n]] : []))).toEqual([[0, 1], [1, 1], [3, 1], [6, 1], [19, 1]]);
    expect(bulk).toMatchObject({
      runs: 21,
      cost_usd: "2.31",
      // 11th and 20th of 21.
      cost_per_run: { p50_usd: "0.11", p95_usd: "0.2", max_usd: "0.21" },
      steps_per_run: { avg: 1, max: 1 },
      success_rate: null,
      cost_per_successful_outcome_usd: null,
      outcomes: { none: 21 },
    });
    expect(bulk.cost_histogram).toHaveLength(20);
    expect(bulk.cost_histogram.reduce((n, b) => n + b.runs, 0)).toBe(21);
    expect(bulk.cost_histogram).toEqual(bucketCosts(Array.from({ length: 21 }, (_, i) => ((i + 1) / 100).toFixed(2))));

    const viaRoute = await list(read, `summary=workflows&from=${RANGE.from}&to=${RANGE.to}`);
    expect(viaRoute.status).toBe(200);
    expect(viaRoute.json.workflows).toEqual(JSON.parse(JSON.stringify(workflows)));
  });

  it("answers no workflows for an empty range, and null workflow for runs without one", async () => {
    const { org, ingest } = await orgWithKeys();
    expect((await summarizeWorkflows(org, RANGE)).workflows).toEqual([]);
    await send(ingest, [event({ run_id: "x", cost_usd: "1", timestamp: at(3), workflow: undefined })]);
    const { workflows } = await summarizeWorkflows(org, RANGE);
    expect(workflows).toHaveLength(1);
    expect(workflows[0]).toMatchObject({ workflow: null, runs: 1, cost_histogram: [{ lower_usd: "1", upper_usd: "1", runs: 1 }] });
  });
});

describe("Data Security and Isolation", () => {
  it("keeps each organization's runs apart, also under the same run ids", async () => {
    const a = await orgWithKeys();
    const b = await orgWithKeys();
    await send(a.ingest, [event({ run_id: "shared", cost_usd: "5", timestamp: at(10) }), event({ run_id: "a-only", cost_usd: "7", timestamp: at(10), workflow: "secret" })]);
    await send(b.ingest, [event({ run_id: "shared", cost_usd: "0.25", timestamp: at(11) })]);
    await sendOutcomes(a.ingest, [{ run_id: "shared", outcome: "success" }]);

    const bList = await list(b.read, `from=${RANGE.from}&to=${RANGE.to}`);
    expect(bList.json.runs).toHaveLength(1);
    expect(bList.json.runs[0]).toMatchObject({ run_id: "shared", cost_usd: "0.25", outcome: null });
    const bShared = await fetchRun(b.read, "shared");
    expect(bShared.json).toMatchObject({ cost_usd: "0.25", steps: 1, outcome: null });
    expect(bShared.json.calls).toHaveLength(1);
    expect((await fetchRun(b.read, "a-only")).status).toBe(404);
    await expect(getRunOrThrow(b.org, "a-only")).rejects.toMatchObject({ code: "NOT_FOUND" });

    const bSummary = await list(b.read, `summary=workflows&from=${RANGE.from}&to=${RANGE.to}`);
    expect(bSummary.json.workflows.map((w: { workflow: string }) => w.workflow)).toEqual(["triage"]);
    expect(bSummary.json.workflows[0]).toMatchObject({ runs: 1, cost_usd: "0.25" });

    const aShared = await fetchRun(a.read, "shared");
    expect(aShared.json).toMatchObject({ cost_usd: "5", outcome: "success" });
    expect((await listRuns(a.org, RANGE)).runs.map((r) => r.run_id)).toEqual(["a-only", "shared"]);
    // Nothing of either org is readable through the other's Run rows.
    expect(await db.run.count({ where: { orgId: b.org.orgId } })).toBe(1);
  });
});
