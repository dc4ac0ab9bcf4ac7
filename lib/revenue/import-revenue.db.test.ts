import { describe, expect, it } from "vitest";
import { POST as postImport } from "@/app/api/v1/imports/[kind]/route";
import { GET as getRevenue } from "@/app/api/v1/revenue/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { callRoute } from "@/lib/test/api-request";
import { addMember, createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { deleteRevenue } from "./delete-revenue";
import { commitRevenueImport, previewRevenueImport } from "./import-revenue";
import { loadRevenuePage } from "./load-revenue-page";

withTestDatabase();

function postCsv(key: string, csv: string, query = "") {
  return callRoute(postImport, { key, url: `http://localhost/api/v1/imports/revenue${query}`, rawBody: csv, headers: { "content-type": "text/csv; charset=utf-8" }, params: { kind: "revenue" } });
}

const GOOD = "month,feature,customer,amount_usd\n2026-10,chat,acme,1000.25\n2026-10,chat,,500\n2026-09,search,,0.0000000001\n";

describe("POST /api/v1/imports/revenue", () => {
  it("previews without storing, commits all rows, and a second import changes nothing", async () => {
    const org = await createOrgWithOwner();
    const key = (await createApiKey(org, { name: "i", scopes: ["ingest", "read"] })).secret;
    const preview = await postCsv(key, GOOD, "?dry_run=true");
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ rows: 3, valid: 3, rejected: 0, duplicates: 0, replaces: 0, totalUsd: "1500.2500000001", errors: [] });
    expect(await db.revenue.count({ where: { orgId: org.orgId } })).toBe(0);

    const first = await postCsv(key, GOOD);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ rows: 3, accepted: 3, duplicates: 0, rejected: 0 });
    const again = await postCsv(key, GOOD);
    expect(again.json).toMatchObject({ accepted: 0, duplicates: 3 });
    const changed = await postCsv(key, "month,feature,customer,amount_usd\n2026-10,chat,,600\n", "?dry_run=true");
    expect(changed.json).toMatchObject({ valid: 1, replaces: 1, duplicates: 0 });
    await postCsv(key, "month,feature,customer,amount_usd\n2026-10,chat,,600\n");
    expect((await callRoute(getRevenue, { key, method: "GET" })).json.revenue).toEqual([
      { month: "2026-10", feature: "chat", customer: null, amount_usd: "600" },
      { month: "2026-10", feature: "chat", customer: "acme", amount_usd: "1000.25" },
      { month: "2026-09", feature: "search", customer: null, amount_usd: "0.0000000001" },
    ]);
    expect(await db.auditLog.count({ where: { orgId: org.orgId, action: "revenue.imported" } })).toBe(2);
  });

  it("stores nothing when any row is wrong, and lists every error with its line", async () => {
    const org = await createOrgWithOwner();
    const key = (await createApiKey(org, { name: "i", scopes: ["ingest"] })).secret;
    const res = await postCsv(key, "month,feature,amount_usd\n2026-10,chat,5\n2026-13,chat,5\n2026-10,search,-1\n");
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ accepted: 0, rejected: 2 });
    expect(res.json.errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    expect(res.json.error).toMatch(/^No valid rows: line 3: month: must be a month like 2026-10 \(and 1 more\)/);
    expect(await db.revenue.count({ where: { orgId: org.orgId } })).toBe(0);
  });

  it("takes JSON rows and needs the ingest scope", async () => {
    const org = await createOrgWithOwner();
    const ingest = (await createApiKey(org, { name: "i", scopes: ["ingest"] })).secret;
    const read = (await createApiKey(org, { name: "r", scopes: ["read"] })).secret;
    const body = { revenue: [{ month: "2026-10", feature: "chat", amount_usd: "12" }] };
    expect((await callRoute(postImport, { key: read, body, url: "http://localhost/api/v1/imports/revenue", params: { kind: "revenue" } })).status).toBe(401);
    const res = await callRoute(postImport, { key: ingest, body, url: "http://localhost/api/v1/imports/revenue", params: { kind: "revenue" } });
    expect(res.json).toMatchObject({ accepted: 1 });
  });
});

describe("revenue import, list and delete for members", () => {
  it("lets finance import and delete (audited), refuses engineers and viewers", async () => {
    const owner = await createOrgWithOwner();
    const finance = await addMember(owner, "FINANCE");
    const engineer = await addMember(owner, "ENGINEER");
    const input = { format: "csv" as const, text: GOOD };
    await expect(previewRevenueImport(engineer, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(commitRevenueImport(engineer, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await commitRevenueImport(finance, input)).accepted).toBe(3);
    const page = await loadRevenuePage(engineer);
    expect(page.rows.map((r) => [r.month, r.feature, r.customer, r.amountUsd])).toEqual([
      ["2026-10", "chat", null, "500.0000000000"],
      ["2026-10", "chat", "acme", "1000.2500000000"],
      ["2026-09", "search", null, "0.0000000001"],
    ]);
    expect(page.features).toEqual(["chat", "search"]);
    await expect(deleteRevenue(engineer, { month: "2026-10", feature: "chat" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteRevenue(finance, { month: "2026-10", feature: "chat" });
    await expect(deleteRevenue(finance, { month: "2026-10", feature: "chat" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await loadRevenuePage(finance)).rows).toHaveLength(2);
    const audit = await db.auditLog.findFirst({ where: { orgId: owner.orgId, action: "revenue.deleted" } });
    expect(audit?.before).toMatchObject({ month: "2026-10", feature: "chat", customer: null, amount_usd: "500.0000000000" });
  });

  describe("Data Security and Isolation", () => {
    it("never reads, replaces or deletes another organization's revenue", async () => {
      const a = await createOrgWithOwner();
      const b = await createOrgWithOwner();
      await commitRevenueImport(a, { format: "csv", text: GOOD });
      const preview = await previewRevenueImport(b, { format: "csv", text: GOOD });
      expect(preview).toMatchObject({ duplicates: 0, replaces: 0 });
      expect((await loadRevenuePage(b)).rows).toEqual([]);
      await expect(deleteRevenue(b, { month: "2026-10", feature: "chat", customer: "acme" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.revenue.count({ where: { orgId: a.orgId } })).toBe(3);
    });
  });
});
