import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getCosts } from "@/app/api/v1/costs/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { GET as getMargins } from "@/app/api/v1/margins/route";
import { GET as getBoardCsv } from "@/app/api/v1/reports/board.csv/route";
import { POST as postRevenue } from "@/app/api/v1/revenue/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createBudget } from "@/lib/budgets/create-budget";
import { parseCsv } from "@/lib/imports/parse-csv";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { FORMULA_PAYLOADS } from "./hostile-values";

withTestDatabase();

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

let key: string;
let month: string;

async function getCsv(handler: typeof getCosts, url: string): Promise<string[][]> {
  const res = await handler(new NextRequest(url, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });
  const text = await res.text();
  expect(res.status, `${url}: ${text.slice(0, 300)}`).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  return parseCsv(text).map((r) => r.cells);
}

/** The cells a spreadsheet would run as formulas (a plain number is not one). */
function formulaCells(rows: string[][]): string[] {
  return rows.flat().filter((cell) => FORMULA_START.test(cell) && !NUMBER.test(cell));
}

describe("CSV exports with hostile stored values", () => {
  beforeAll(async () => {
    const owner = await createOrgWithOwner();
    key = (await createApiKey(owner, { name: "csv", scopes: ["ingest", "read", "manage"] })).secret;
    const now = new Date();
    month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
    // Every free-text field of an event holds a formula, this month and last, so every export shows them.
    const events = FORMULA_PAYLOADS.flatMap((payload, i) =>
      [new Date(now.getTime() - 3600_000).toISOString(), `${month}-15T12:00:00Z`].map((timestamp, j) => ({
        id: `formula-${i}-${j}`,
        timestamp,
        provider: "openai",
        model: payload,
        usage: { input_tokens: 100, output_tokens: 10 },
        cost_usd: "0.25",
        feature: payload,
        team: payload,
        customer: payload,
        environment: payload,
        workflow: payload,
        run_id: payload,
        tags: { [payload]: payload },
      })),
    );
    expect((await callRoute(postEvents, { key, body: { events } })).status).toBe(200);
    const revenue = FORMULA_PAYLOADS.map((payload) => ({ month, feature: payload, customer: payload, amount_usd: "10" }));
    expect((await callRoute(postRevenue, { key, body: { revenue } })).status).toBe(200);
    for (const payload of FORMULA_PAYLOADS) {
      await createBudget(owner, { name: payload, scope: { dimension: "feature", value: payload }, period: "month", amount_usd: "100" });
    }
  });

  const exports: [string, typeof getCosts, () => string][] = [
    ["costs?format=csv", getCosts, () => "http://localhost/api/v1/costs?format=csv&group_by=feature,team,customer,environment,workflow,model"],
    ["costs?format=focus", getCosts, () => "http://localhost/api/v1/costs?format=focus&group_by=feature,team,customer,environment,workflow,model"],
    ["margins?format=csv", getMargins, () => `http://localhost/api/v1/margins?format=csv&period=${month}`],
    ["reports/board.csv", getBoardCsv, () => `http://localhost/api/v1/reports/board.csv?period=${month}`],
  ];

  for (const [name, handler, url] of exports) {
    it(`${name}: shows the stored formulas as text, never as formulas`, async () => {
      const rows = await getCsv(handler, url());
      expect(formulaCells(rows)).toEqual([]);
      // The hostile values did reach the file (neutralized), so the check above is not vacuous.
      expect(rows.flat().some((cell) => cell.startsWith("'=HYPERLINK("))).toBe(true);
    });
  }
});
