import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { GET as getCosts } from "@/app/api/v1/costs/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db, Prisma, queryRaw } from "@/lib/db";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { FOCUS_COLUMNS, FOCUS_EXTENSION_COLUMNS } from "./query-focus-costs";

withTestDatabase();

const NY = "America/New_York";
let counter = 0;

function event(timestamp: string, cost_usd: string | undefined, attribution: Record<string, string> = {}) {
  counter += 1;
  return {
    id: `evt-${counter}`,
    timestamp,
    provider: "openai",
    model: "gpt-4o-mini",
    usage: { input_tokens: 100 * counter, output_tokens: 10 * counter, cached_input_tokens: counter, reasoning_tokens: 0 },
    ...(cost_usd === undefined ? {} : { cost_usd }),
    ...attribution,
  };
}

// In New York (UTC−4 in October, −5 from 2026-11-01 02:00 local).
const EVENTS = [
  // Sunday 2026-10-04 23:30 local: the previous local day, and the week of Monday 09-28.
  event("2026-10-05T03:30:00Z", "0.0000000001", { feature: "search", team: "growth", customer: "acme" }),
  event("2026-10-05T14:00:00Z", "12.5", { feature: "search", team: "core", provider: "anthropic", model: "claude-sonnet-4-5" }),
  event("2026-10-06T10:00:00Z", "0.3333333333", { team: "growth", environment: "prod" }),
  event("2026-10-06T10:20:00Z", "0.3333333333", { team: "growth", environment: "prod" }),
  event("2026-10-31T20:00:00Z", "0.1234567891", { feature: "chat", workflow: "answer" }),
  // 2026-10-31 23:00 local: still October.
  event("2026-11-01T03:00:00Z", "0.0000000007", { feature: "chat", workflow: "answer" }),
  event("2026-11-02T15:00:00Z", "7", { feature: "chat", customer: "globex" }),
  // No price anywhere: stored at cost 0 and counted as unpriced.
  event("2026-10-07T12:00:00Z", undefined, { feature: "search", provider: "self_hosted", model: "in-house-llm-v0" }),
];

const DIMENSION_COLUMNS: Record<string, string> = { feature: "feature", team: "team", customer: "customer", environment: "environment", workflow: "workflow", provider: "provider", model: "model" };

/** The exact sum over raw events with the same range and filters, as the check on the roll-up answer. */
async function eventTotals(orgId: string, from: string, to: string, filters: Record<string, string[]> = {}) {
  const params: unknown[] = [orgId, from, to];
  const where = [`"orgId" = $1`, `"timestamp" >= $2::timestamptz`, `"timestamp" < $3::timestamptz`];
  for (const [dimension, values] of Object.entries(filters)) {
    params.push(values.map((v) => (v === "(untagged)" ? "" : v)));
    where.push(`coalesce("${DIMENSION_COLUMNS[dimension]}", '') = ANY($${params.length}::text[])`);
  }
  const [row] = await queryRaw<{ cost: string; n: string }>(
    `SELECT coalesce(sum("costUsd"), 0)::numeric(24, 10)::text AS cost, count(*)::text AS n FROM "Event" WHERE ${where.join(" AND ")}`,
    params,
  );
  return { cost: row.cost, events: Number(row.n) };
}

async function get(key: string, query: string) {
  return callRoute(getCosts, { key, method: "GET", url: `http://localhost/api/v1/costs?${query}` });
}

async function getText(key: string, query: string) {
  const req = new NextRequest(`http://localhost/api/v1/costs?${query}`, { headers: { authorization: `Bearer ${key}` } });
  const res = await getCosts(req, { params: Promise.resolve({}) });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** RFC 4180 CSV into records keyed by the header. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endCell();
    else if (c === "\n") {
      endCell();
      rows.push(row);
      row = [];
    } else if (c !== "\r") cell += c;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const sum = (values: string[]) => values.reduce((acc, v) => acc.plus(v), new Prisma.Decimal(0)).toFixed(10);

describe("GET /api/v1/costs", () => {
  let reader: string;
  let orgId: string;

  beforeAll(async () => {
    const owner = await createOrgWithOwner();
    orgId = owner.orgId;
    // The zone is set before ingesting, so roll-ups bucket by New York hours.
    await db.organization.update({ where: { id: orgId }, data: { timeZone: NY } });
    const ingest = (await createApiKey(owner, { name: "ingest", scopes: ["ingest"] })).secret;
    reader = (await createApiKey(owner, { name: "reader", scopes: ["read"] })).secret;
    const res = await callRoute(postEvents, { key: ingest, body: { events: EVENTS } });
    expect(res.json).toMatchObject({ accepted: EVENTS.length, rejected: 0 });
  });

  const RANGE = { from: "2026-10-01", to: "2026-12-01", fromUtc: "2026-10-01T04:00:00Z", toUtc: "2026-12-01T05:00:00Z" };

  it.each([
    ["to=2026-12-01", {}],
    ["to=2026-12-01&group_by=feature", {}],
    ["to=2026-12-01&group_by=feature,team,model&granularity=week", {}],
    ["to=2026-12-01&group_by=customer&group_by=provider&granularity=month", {}],
    ["to=2026-12-01&feature=(untagged)", { feature: ["(untagged)"] }],
    ["to=2026-12-01&feature=search&feature=chat&group_by=feature", { feature: ["search", "chat"] }],
    ["to=2026-10-31&provider=openai&team=growth&granularity=hour", { provider: ["openai"], team: ["growth"] }],
    ["to=2026-12-01&workflow=answer&customer=(untagged)", { workflow: ["answer"], customer: ["(untagged)"] }],
  ] as const)("answers totals equal to the stored events' sum, to the last decimal (%s)", async (extra, filters) => {
    const res = await get(reader, `from=${RANGE.from}&${extra}`);
    expect(res.status).toBe(200);
    const toUtc = extra.includes("to=2026-10-31") ? "2026-10-31T04:00:00Z" : RANGE.toUtc;
    const expected = await eventTotals(orgId, RANGE.fromUtc, toUtc, filters as Record<string, string[]>);
    expect(expected.events).toBeGreaterThan(0);
    expect(res.json.total.cost_usd).toBe(expected.cost);
    expect(res.json.total.events).toBe(expected.events);
    expect(sum(res.json.rows.map((r: { cost_usd: string }) => r.cost_usd))).toBe(expected.cost);
  });

  it("agrees with the ORM's aggregate over raw events", async () => {
    const res = await get(reader, `from=${RANGE.from}&to=${RANGE.to}&team=growth&team=core&group_by=team`);
    const orm = await db.event.aggregate({
      where: { orgId, team: { in: ["growth", "core"] }, timestamp: { gte: new Date(RANGE.fromUtc), lt: new Date(RANGE.toUtc) } },
      _sum: { costUsd: true, inputTokens: true, outputTokens: true },
      _count: true,
    });
    expect(res.json.total.cost_usd).toBe(new Prisma.Decimal(orm._sum.costUsd ?? 0).toFixed(10));
    expect(res.json.total).toMatchObject({ events: orm._count, input_tokens: Number(orm._sum.inputTokens), output_tokens: Number(orm._sum.outputTokens) });
  });

  it("answers the SPEC shape with exact decimals, untagged values and the org's offsets", async () => {
    const res = await get(reader, `from=${RANGE.from}&to=2026-10-08&group_by=feature`);
    expect(res.json).toMatchObject({ from: "2026-10-01T00:00:00-04:00", to: "2026-10-08T00:00:00-04:00", granularity: "day", group_by: ["feature"], currency: "USD" });
    expect(res.json.total).toEqual({
      cost_usd: "13.1666666667",
      events: 5,
      input_tokens: 100 + 200 + 300 + 400 + 800,
      output_tokens: 10 + 20 + 30 + 40 + 80,
      cached_input_tokens: 1 + 2 + 3 + 4 + 8,
      reasoning_tokens: 0,
      unpriced_events: 1,
    });
    expect(res.json.rows).toEqual([
      { period: "2026-10-04T00:00:00-04:00", feature: "search", cost_usd: "0.0000000001", events: 1, input_tokens: 100, output_tokens: 10, cached_input_tokens: 1, reasoning_tokens: 0, unpriced_events: 0 },
      { period: "2026-10-05T00:00:00-04:00", feature: "search", cost_usd: "12.5000000000", events: 1, input_tokens: 200, output_tokens: 20, cached_input_tokens: 2, reasoning_tokens: 0, unpriced_events: 0 },
      { period: "2026-10-06T00:00:00-04:00", feature: "(untagged)", cost_usd: "0.6666666666", events: 2, input_tokens: 700, output_tokens: 70, cached_input_tokens: 7, reasoning_tokens: 0, unpriced_events: 0 },
      { period: "2026-10-07T00:00:00-04:00", feature: "search", cost_usd: "0.0000000000", events: 1, input_tokens: 800, output_tokens: 80, cached_input_tokens: 8, reasoning_tokens: 0, unpriced_events: 1 },
    ]);
  });

  it("buckets weeks from Monday and months in the org's zone; periods without usage are absent", async () => {
    const weeks = await get(reader, `from=2026-09-28&to=2026-11-09&granularity=week`);
    expect(weeks.json.rows.map((r: { period: string; cost_usd: string }) => [r.period, r.cost_usd])).toEqual([
      ["2026-09-28T00:00:00-04:00", "0.0000000001"],
      ["2026-10-05T00:00:00-04:00", "13.1666666666"],
      ["2026-10-26T00:00:00-04:00", "0.1234567898"],
      ["2026-11-02T00:00:00-05:00", "7.0000000000"],
    ]);
    const months = await get(reader, `from=${RANGE.from}&to=${RANGE.to}&granularity=month`);
    expect(months.json.rows.map((r: { period: string; cost_usd: string }) => [r.period, r.cost_usd])).toEqual([
      ["2026-10-01T00:00:00-04:00", "13.2901234565"],
      ["2026-11-01T00:00:00-04:00", "7.0000000000"],
    ]);
  });

  it("sorts rows by period, then cost descending", async () => {
    const res = await get(reader, `from=2026-10-05&to=2026-10-06&group_by=model`);
    expect(res.json.rows.map((r: { model: string }) => r.model)).toEqual(["claude-sonnet-4-5"]);
    const month = await get(reader, `from=${RANGE.from}&to=2026-11-01&granularity=month&group_by=provider`);
    expect(month.json.rows.map((r: { provider: string }) => r.provider)).toEqual(["anthropic", "openai", "self_hosted"]);
  });

  it("filters by (untagged) and answers empty rows, not zero rows, outside any usage", async () => {
    const untagged = await get(reader, `from=${RANGE.from}&to=${RANGE.to}&feature=(untagged)&group_by=feature`);
    expect(untagged.json.rows.map((r: { feature: string }) => r.feature)).toEqual(["(untagged)"]);
    const empty = await get(reader, `from=2026-09-01&to=2026-09-30&granularity=day`);
    expect(empty.json.rows).toEqual([]);
    expect(empty.json.total).toMatchObject({ cost_usd: "0.0000000000", events: 0 });
  });

  it("exports CSV with one line per row and totals that match", async () => {
    const res = await getText(reader, `from=${RANGE.from}&to=${RANGE.to}&group_by=feature,team&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="costs-2026-10-01-2026-12-01.csv"');
    expect(res.text.split("\r\n")[0]).toBe("period,feature,team,cost_usd,events,input_tokens,output_tokens,cached_input_tokens,reasoning_tokens,unpriced_events");
    const rows = parseCsv(res.text);
    const json = await get(reader, `from=${RANGE.from}&to=${RANGE.to}&group_by=feature,team`);
    expect(rows).toHaveLength(json.json.rows.length);
    expect(sum(rows.map((r) => r.cost_usd))).toBe((await eventTotals(orgId, RANGE.fromUtc, RANGE.toUtc)).cost);
  });

  it("exports FOCUS v1.2 columns with x_ extensions, billing periods by local month, exact costs", async () => {
    const res = await getText(reader, `from=2026-10-01&to=2026-11-09&granularity=week&group_by=feature&format=focus`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const header = res.text.split("\r\n")[0].split(",");
    expect(header).toEqual([...FOCUS_COLUMNS, ...FOCUS_EXTENSION_COLUMNS]);
    for (const column of ["BillingAccountId", "BilledCost", "EffectiveCost", "ListCost", "ContractedCost", "ChargePeriodStart", "ServiceName", "ProviderName", "x_Feature", "x_Team", "x_Customer", "x_Workflow"]) {
      expect(header).toContain(column);
    }
    const rows = parseCsv(res.text);
    expect(sum(rows.map((r) => r.BilledCost))).toBe((await eventTotals(orgId, "2026-10-01T04:00:00Z", "2026-11-09T05:00:00Z")).cost);
    for (const row of rows) {
      expect(row).toMatchObject({ BillingAccountId: orgId, BillingCurrency: "USD", ChargeCategory: "Usage", ServiceCategory: "AI and Machine Learning" });
      expect(row.EffectiveCost).toBe(row.BilledCost);
      expect(row.ServiceName).toBe(row.ResourceId);
      expect(row.ChargePeriodStart >= row.BillingPeriodStart && row.ChargePeriodEnd <= row.BillingPeriodEnd).toBe(true);
      expect(row.ChargePeriodStart < row.ChargePeriodEnd).toBe(true);
    }
    // The week of Monday 10-26 crosses into November: its October part ends at local midnight.
    const lateOctober = rows.find((r) => r.x_Feature === "chat" && r.BillingPeriodStart === "2026-10-01T04:00:00Z");
    expect(lateOctober).toMatchObject({ ChargePeriodStart: "2026-10-26T04:00:00Z", ChargePeriodEnd: "2026-11-01T04:00:00Z", BillingPeriodEnd: "2026-11-01T04:00:00Z", BilledCost: "0.1234567898" });
    expect(rows.find((r) => r.ProviderName === "self_hosted")).toMatchObject({ x_Feature: "search", BilledCost: "0.0000000000", x_UnpricedEvents: "1" });
  });

  it("answers 400 naming the bad parameter", async () => {
    const granularity = await get(reader, "granularity=year");
    expect(granularity.status).toBe(400);
    expect(granularity.json.issues[0].path).toBe("granularity");
    const groupBy = await get(reader, "group_by=colour");
    expect(groupBy.status).toBe(400);
    expect(groupBy.json.issues[0]).toMatchObject({ path: "group_by" });
    expect(groupBy.json.error).toContain("colour");
    const range = await get(reader, "from=2026-01-01&to=2026-03-01&granularity=hour");
    expect(range.status).toBe(400);
    expect(range.json.error).toMatch(/31 days/);
  });

  it("answers 401 without a key or with a key lacking the read scope", async () => {
    const owner = await createOrgWithOwner();
    const ingestOnly = (await createApiKey(owner, { name: "i", scopes: ["ingest"] })).secret;
    expect((await get(ingestOnly, "")).status).toBe(401);
    expect((await get(`mk_${"q".repeat(40)}`, "")).status).toBe(401);
  });

  describe("Data Security and Isolation", () => {
    it("never shows one organization's costs to another's key", async () => {
      const other = await createOrgWithOwner();
      const otherIngest = (await createApiKey(other, { name: "i", scopes: ["ingest"] })).secret;
      const otherReader = (await createApiKey(other, { name: "r", scopes: ["read"] })).secret;
      await callRoute(postEvents, { key: otherIngest, body: { events: [{ ...event("2026-10-05T14:00:00Z", "1.25", { feature: "search" }) }] } });
      const res = await get(otherReader, `from=${RANGE.from}&to=${RANGE.to}&group_by=feature`);
      expect(res.json.total).toMatchObject({ cost_usd: "1.2500000000", events: 1 });
      expect(res.json.rows.map((r: { feature: string }) => r.feature)).toEqual(["search"]);
      const chat = await get(otherReader, `from=${RANGE.from}&to=${RANGE.to}&feature=chat`);
      expect(chat.json.rows).toEqual([]);
      const focus = await getText(otherReader, `from=${RANGE.from}&to=${RANGE.to}&format=focus`);
      expect(parseCsv(focus.text).every((r) => r.BillingAccountId === other.orgId)).toBe(true);
      expect(focus.text).not.toContain(orgId);
    });
  });
});
