import { describe, expect, it } from "vitest";
import { GET as getFindings } from "@/app/api/v1/shadow-ai/findings/route";
import { PATCH as patchFinding } from "@/app/api/v1/shadow-ai/findings/[id]/route";
import { GET as getImports } from "@/app/api/v1/shadow-ai/imports/route";
import { DELETE as undoImport } from "@/app/api/v1/shadow-ai/imports/[id]/route";
import { GET as getSummary } from "@/app/api/v1/shadow-ai/summary/route";
import { DELETE as deleteSanctioned, GET as getSanctioned, POST as postSanctioned } from "@/app/api/v1/shadow-ai/sanctioned-tools/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { db } from "@/lib/db";
import { expensesImportKind, vendorBillsImportKind } from "./import-files";
import { sanctionTool } from "./sanctioned-tools";

withTestDatabase();

const EXPENSES = ["date,email,merchant,amount", "2026-10-03,ann@x.test,OPENAI *CHATGPT SUBSCR,20", "2026-10-04,bob@x.test,OPENAI *CHATGPT SUBSCR,20"].join("\n");
const URL_BASE = "http://localhost/api/v1/shadow-ai";

async function setUp() {
  const org = await createOrgWithOwner();
  const manage = (await createApiKey(org, { name: "finance", scopes: ["read", "manage"] })).secret;
  const read = (await createApiKey(org, { name: "reader", scopes: ["read"] })).secret;
  const { importId } = await expensesImportKind.commit(org, { format: "csv", text: EXPENSES });
  return { org, manage, read, importId: importId! };
}

describe("/api/v1/shadow-ai", () => {
  it("lists and filters findings, and a read key cannot change them", async () => {
    const { manage, read } = await setUp();
    const all = await callRoute(getFindings, { key: read, method: "GET", url: `${URL_BASE}/findings` });
    expect(all.status).toBe(200);
    expect(all.json.findings.map((f: { key: string }) => f.key).sort()).toEqual(["duplicate_spend:openai-chatgpt", "unsanctioned_tool:openai-chatgpt"]);
    const dup = await callRoute(getFindings, { key: read, method: "GET", url: `${URL_BASE}/findings?kind=duplicate_spend` });
    expect(dup.json.findings).toHaveLength(1);
    expect((await callRoute(getFindings, { key: read, method: "GET", url: `${URL_BASE}/findings?status=closed` })).status).toBe(400);

    const id = dup.json.findings[0].id;
    expect((await callRoute(patchFinding, { key: read, method: "PATCH", body: { status: "to_retire" }, params: { id } })).status).toBe(401);
    const patched = await callRoute(patchFinding, { key: manage, method: "PATCH", body: { status: "to_retire", owner: "it@x.test" }, params: { id } });
    expect(patched).toMatchObject({ status: 200, json: { status: "to_retire", owner: "it@x.test" } });
    expect((await callRoute(patchFinding, { key: manage, method: "PATCH", body: { status: "closed" }, params: { id } })).status).toBe(400);
    expect((await callRoute(patchFinding, { key: manage, method: "PATCH", body: { status: "open" }, params: { id: "nope" } })).status).toBe(404);
    const open = await callRoute(getFindings, { key: read, method: "GET", url: `${URL_BASE}/findings?status=to_retire` });
    expect(open.json.findings.map((f: { id: string }) => f.id)).toEqual([id]);
  });

  it("sanctions and unsanctions tools, recomputing findings", async () => {
    const { manage, read } = await setUp();
    expect((await callRoute(postSanctioned, { key: manage, body: { vendor_id: "not-a-tool" } })).status).toBe(400);
    const created = await callRoute(postSanctioned, { key: manage, body: { vendor_id: "openai-chatgpt", licenses: 10, note: "company plan" } });
    expect(created).toMatchObject({ status: 201, json: { vendor_id: "openai-chatgpt", vendor: "OpenAI", licenses: 10 } });
    expect((await callRoute(getSanctioned, { key: read, method: "GET" })).json.sanctioned_tools).toHaveLength(1);
    const keys = async () => (await callRoute(getFindings, { key: read, method: "GET", url: `${URL_BASE}/findings` })).json.findings.map((f: { key: string }) => f.key);
    expect(await keys()).toEqual(["duplicate_spend:openai-chatgpt"]);
    expect((await callRoute(deleteSanctioned, { key: manage, method: "DELETE", url: `${URL_BASE}/sanctioned-tools?vendor_id=openai-chatgpt` })).status).toBe(204);
    expect((await callRoute(deleteSanctioned, { key: manage, method: "DELETE", url: `${URL_BASE}/sanctioned-tools?vendor_id=openai-chatgpt` })).status).toBe(404);
    expect((await keys()).sort()).toEqual(["duplicate_spend:openai-chatgpt", "unsanctioned_tool:openai-chatgpt"]);
  });

  it("lists imports and undoes one; another organization gets 404", async () => {
    const { manage, read, importId } = await setUp();
    const other = await createOrgWithOwner();
    const otherKey = (await createApiKey(other, { name: "x", scopes: ["read", "manage"] })).secret;
    expect((await callRoute(undoImport, { key: otherKey, method: "DELETE", params: { id: importId } })).status).toBe(404);
    expect((await callRoute(getImports, { key: otherKey, method: "GET" })).json.imports).toEqual([]);
    expect(await callRoute(undoImport, { key: manage, method: "DELETE", params: { id: importId } })).toMatchObject({ status: 200, json: { id: importId, deleted: 2 } });
    const list = await callRoute(getImports, { key: read, method: "GET" });
    expect(list.json.imports).toEqual([expect.objectContaining({ id: importId, kind: "expenses", rows: 2, total_usd: "40.0000000000", undone_at: expect.any(String) })]);
    expect((await callRoute(getFindings, { key: read, method: "GET", url: `${URL_BASE}/findings` })).json.findings).toEqual([]);
  });

  it("summarizes AI spend per month inside and outside governance, to the cent", async () => {
    const { org, read } = await setUp();
    await expensesImportKind.commit(org, { format: "csv", text: ["date,email,merchant,amount", "2026-10-09,cy@x.test,PAYPAL *MIDJOURNEY 4029357733,30.05", "2026-10-09,cy@x.test,CLAUDES BAKERY,99"].join("\n") });
    await sanctionTool(org, { vendor_id: "midjourney" });
    const dims = { orgId: org.orgId, feature: "", team: "", customer: "", environment: "", provider: "openai", model: "gpt-4o", workflow: "", events: 1, costUsd: "10.005" };
    await db.costRollupDaily.create({ data: { ...dims, day: new Date("2026-10-02T00:00:00Z") } });
    await db.costRollupHourly.create({ data: { ...dims, hour: new Date("2026-10-02T09:00:00Z") } });
    const start = Date.UTC(2026, 9, 1) / 1000;
    const page = { object: "page", data: [{ object: "bucket", start_time: start, end_time: start + 86_400, results: [{ object: "organization.costs.result", amount: { value: 12.5, currency: "usd" }, line_item: null, project_id: null, api_key_id: null }] }] };
    await vendorBillsImportKind.commit(org, { format: "json", rows: page.data });
    const res = await callRoute(getSummary, { key: read, method: "GET" });
    expect(res.json).toEqual({
      currency: "USD",
      months: [
        {
          month: "2026-10",
          sanctioned_usd: "30.0500000000",
          unsanctioned_usd: "40.0000000000",
          subscriptions_usd: "0.0000000000",
          tracked_api_usd: "10.0050000000",
          unattributed_api_usd: "2.4950000000",
          inside_usd: "40.0550000000",
          outside_usd: "42.4950000000",
        },
      ],
    });
  });
});
