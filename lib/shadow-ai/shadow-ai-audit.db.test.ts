import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as postImport } from "@/app/api/v1/imports/[kind]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { OrgContext } from "@/lib/auth/org-context";
import { db } from "@/lib/db";
import { fromUnits, sumDecimals, toUnits } from "@/lib/format/decimal";
import { ensureEventPartitions } from "@/lib/partitions/ensure-event-partitions";
import { callRoute } from "@/lib/test/api-request";
import { addMember, createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { listFindings, updateFinding } from "./findings";
import { expensesImportKind, listShadowAiImports, undoShadowAiImport, vendorBillsImportKind } from "./import-files";
import { sanctionTool } from "./sanctioned-tools";

withTestDatabase();

const EXPENSES = [
  "date,employee,email,merchant,description,amount,currency",
  "2026-10-03,Ann,ann@x.test,OPENAI *CHATGPT SUBSCR,,20.00,USD",
  "2026-10-05,Bob,bob@x.test,OPENAI *CHATGPT SUBSCR,,20.00,USD",
  "2026-10-07,Ann,ann@x.test,PAYPAL *MIDJOURNEY 4029357733,,30.00,USD",
  "2026-10-09,Cy,cy@x.test,CLAUDES BAKERY,,12.50,USD",
  "2026-11-03,Ann,ann@x.test,OPENAI *CHATGPT SUBSCR,,20.01,USD",
].join("\n");

const DAY = 86_400;
const OCT_1 = Date.UTC(2026, 9, 1) / 1000;

/** An OpenAI costs page: one result per [day of October, dollars, project, key]. */
function openAiBill(lines: [number, number, string | null, string | null][]) {
  return {
    object: "page",
    data: lines.map(([day, value, project, key]) => ({
      object: "bucket",
      start_time: OCT_1 + (day - 1) * DAY,
      end_time: OCT_1 + day * DAY,
      results: [{ object: "organization.costs.result", amount: { value, currency: "usd" }, line_item: "gpt-4o, input", project_id: project, api_key_id: key }],
    })),
    has_more: false,
    next_page: null,
  };
}

const csv = (text: string) => ({ format: "csv" as const, text });
const json = (bill: { data: unknown[] }) => ({ format: "json" as const, rows: bill.data });

async function byKey(ctx: OrgContext) {
  return new Map((await listFindings(ctx)).map((f) => [f.key, f]));
}

/** Tracked cost as the ingest writes it: the same amount in the hourly and the daily roll-up (a UTC organization). */
async function trackCost(ctx: OrgContext, provider: string, day: string, costUsd: string) {
  const dims = { orgId: ctx.orgId, feature: "", team: "", customer: "", environment: "", provider, model: "gpt-4o", workflow: "", events: 1, costUsd };
  await db.costRollupDaily.create({ data: { ...dims, day: new Date(`${day}T00:00:00Z`) } });
  await db.costRollupHourly.create({ data: { ...dims, hour: new Date(`${day}T12:00:00Z`) } });
}

describe("expenses import", () => {
  it("previews with header mapping and row errors naming the line and field, storing nothing", async () => {
    const ctx = await createOrgWithOwner();
    const text = ["Transaction Date,Cardholder,Vendor,Amount,Extra", "2026-10-03,Ann,CURSOR AI POWERED IDE,20,x", "2026-13-01,Bob,OPENAI,12;5,y", "2026-10-04,,OPENAI,1,z"].join("\n");
    const preview = await expensesImportKind.preview(ctx, csv(text));
    expect(preview.columns.map((c) => c.field)).toEqual(["date", "employee", "merchant", "amount", null]);
    expect(preview).toMatchObject({ rows: 3, valid: 1, rejected: 2, duplicates: 0 });
    expect(preview.errors).toEqual([
      { line: 3, index: 1, id: null, message: expect.stringMatching(/Transaction Date \(date\): "2026-13-01" is not a date.*; amount: "12;5" is not a number/) },
      { line: 4, index: 2, id: null, message: "employee or email: one is required" },
    ]);
    const commit = await expensesImportKind.commit(ctx, csv(text));
    expect(commit).toMatchObject({ accepted: 0, rejected: 2, importId: null });
    expect(await db.expenseTransaction.count({ where: { orgId: ctx.orgId } })).toBe(0);
    expect(await db.importBatch.count({ where: { orgId: ctx.orgId } })).toBe(0);
  });

  it("an explicit mapping overrides the automatic match", async () => {
    const ctx = await createOrgWithOwner();
    const text = ["when,who,what,usd", "2026-10-03,ann@x.test,OPENAI *CHATGPT SUBSCR,20"].join("\n");
    const preview = await expensesImportKind.preview(ctx, { ...csv(text), mapping: { when: "date", who: "email", what: "merchant", usd: "amount" } });
    expect(preview).toMatchObject({ valid: 1, rejected: 0 });
    expect(preview.sample[0]).toMatchObject({ email: "ann@x.test", amountUsd: "20.0000000000", match: { vendorId: "openai-chatgpt" } });
  });

  it("finds unsanctioned tools and duplicate spend, idempotent on re-import, and keeps status", async () => {
    const ctx = await createOrgWithOwner();
    const first = await expensesImportKind.commit(ctx, csv(EXPENSES));
    expect(first).toMatchObject({ rows: 5, accepted: 5, duplicates: 0 });
    let findings = await byKey(ctx);
    expect([...findings.keys()].sort()).toEqual(["duplicate_spend:openai-chatgpt", "unsanctioned_tool:midjourney", "unsanctioned_tool:openai-chatgpt"]);
    const chatgpt = findings.get("unsanctioned_tool:openai-chatgpt")!;
    expect(chatgpt).toMatchObject({
      total_usd: "60.0100000000",
      monthly_usd: [
        { month: "2026-10", amountUsd: "40.0000000000" },
        { month: "2026-11", amountUsd: "20.0100000000" },
      ],
      people: ["ann@x.test", "bob@x.test"],
      first_seen: "2026-10-03T00:00:00.000Z",
      last_seen: "2026-11-03T00:00:00.000Z",
      status: "open",
    });
    expect(chatgpt.evidence).toHaveLength(3);

    await updateFinding(ctx, findings.get("unsanctioned_tool:midjourney")!.id, { status: "sanctioned", owner: "cfo@x.test", note: "design team" });
    const snapshot = await listFindings(ctx);
    const again = await expensesImportKind.commit(ctx, csv(EXPENSES));
    expect(again).toMatchObject({ accepted: 0, duplicates: 5, importId: null });
    expect(await db.expenseTransaction.count({ where: { orgId: ctx.orgId } })).toBe(5);
    expect(await listFindings(ctx)).toEqual(snapshot);

    // Another import with new rows: numbers refresh, status, owner and note stay.
    await expensesImportKind.commit(ctx, csv([EXPENSES.split("\n")[0], "2026-11-07,Ann,ann@x.test,PAYPAL *MIDJOURNEY 4029357733,,30.00,USD"].join("\n")));
    findings = await byKey(ctx);
    expect(findings.get("unsanctioned_tool:midjourney")).toMatchObject({ total_usd: "60.0000000000", status: "sanctioned", owner: "cfo@x.test", note: "design team" });
    const audit = await db.auditLog.findFirst({ where: { orgId: ctx.orgId, action: "finding.update" } });
    expect(audit).toMatchObject({ before: { status: "open" }, after: { status: "sanctioned", owner: "cfo@x.test" } });
  });

  it("a sanctioned tool paid on cards is duplicate spend, not unsanctioned", async () => {
    const ctx = await createOrgWithOwner();
    await expensesImportKind.commit(ctx, csv(EXPENSES));
    await sanctionTool(ctx, { vendor_id: "openai-chatgpt", licenses: 50 });
    const findings = await byKey(ctx);
    expect(findings.has("unsanctioned_tool:openai-chatgpt")).toBe(false);
    expect(findings.get("duplicate_spend:openai-chatgpt")).toMatchObject({ title: expect.stringContaining("licensed centrally"), total_usd: "60.0100000000" });
  });

  it("undo deletes the rows, is audited, and leaves touched findings at zero", async () => {
    const ctx = await createOrgWithOwner();
    const { importId } = await expensesImportKind.commit(ctx, csv(EXPENSES));
    const mj = (await byKey(ctx)).get("unsanctioned_tool:midjourney")!;
    await updateFinding(ctx, mj.id, { note: "asked Ann" });
    await undoShadowAiImport(ctx, importId!);
    expect(await db.expenseTransaction.count({ where: { orgId: ctx.orgId } })).toBe(0);
    expect((await listShadowAiImports(ctx))[0].undoneAt).not.toBeNull();
    const findings = await listFindings(ctx);
    expect(findings).toEqual([expect.objectContaining({ key: "unsanctioned_tool:midjourney", total_usd: "0.0000000000", note: "asked Ann", evidence: [] })]);
    expect(await db.auditLog.count({ where: { orgId: ctx.orgId, action: "import.undo", targetId: importId! } })).toBe(1);
    await expect(undoShadowAiImport(ctx, importId!)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("vendor bills and reconciliation", () => {
  it("unattributed API spend is billed minus tracked, to the cent, over max($50, 10%)", async () => {
    const ctx = await createOrgWithOwner();
    // Billed 300.015 + 100.005 = 400.02; tracked 250.01 → gap 150.01 > max(50, 40.002).
    await trackCost(ctx, "openai", "2026-10-02", "200.005");
    await trackCost(ctx, "openai", "2026-10-20", "50.005");
    await trackCost(ctx, "openai", "2026-11-01", "999");
    const commit = await vendorBillsImportKind.commit(
      ctx,
      json(
        openAiBill([
          [1, 300.015, null, null],
          [2, 100.005, null, null],
        ]),
      ),
    );
    expect(commit).toMatchObject({ accepted: 2, rejected: 0 });
    const finding = (await byKey(ctx)).get("unattributed_api_spend:openai:2026-10")!;
    expect(finding).toMatchObject({ total_usd: "150.0100000000", first_seen: "2026-10-01T00:00:00.000Z", last_seen: "2026-10-02T00:00:00.000Z" });
    expect(finding.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ type: "reconciliation", label: "billed 400.0200000000 − tracked 250.0100000000" })]));
  });

  it("stores the Anthropic cost report fixture to the cent and reconciles it per workspace", async () => {
    const ctx = await createOrgWithOwner();
    const text = readFileSync(path.join(__dirname, "../vendor-bills/fixtures/anthropic-cost-report-2026-10.json"), "utf8");
    const commit = await vendorBillsImportKind.commit(ctx, { format: "csv", text });
    expect(commit).toMatchObject({ rejected: 0, duplicates: 0 });
    const [sum] = await db.$queryRaw<{ total: string }[]>`SELECT sum("amountUsd")::text AS total FROM "BilledCost" WHERE "orgId" = ${ctx.orgId}`;
    expect(sum.total).toBe("39.9920975000");
    expect((await listShadowAiImports(ctx))[0]).toMatchObject({ kind: "vendor-bills", rows: commit.accepted });
    // $39.99 billed, nothing tracked: under the $50 floor, so no unattributed finding; workspaces are unknown.
    const findings = await listFindings(ctx);
    expect(findings.some((f) => f.kind === "unattributed_api_spend")).toBe(false);
    expect(findings.filter((f) => f.kind === "unknown_key_or_project").length).toBeGreaterThan(0);
    const [named] = await db.$queryRaw<{ total: string }[]>`SELECT sum("amountUsd")::text AS total FROM "BilledCost" WHERE "orgId" = ${ctx.orgId} AND project IS NOT NULL`;
    expect(sumDecimals(findings.filter((f) => f.kind === "unknown_key_or_project").map((f) => f.total_usd))).toBe(fromUnits(toUnits(named.total)));
  });

  it("a gap under the threshold is no finding", async () => {
    const ctx = await createOrgWithOwner();
    // Billed 600, tracked 541: gap 59 ≤ 10% of 600 = 60.
    await trackCost(ctx, "openai", "2026-10-02", "541");
    await vendorBillsImportKind.commit(ctx, json(openAiBill([[3, 600, null, null]])));
    expect((await byKey(ctx)).has("unattributed_api_spend:openai:2026-10")).toBe(false);
  });

  it("projects and keys no tracked event names are unknown; named ones are not", async () => {
    const ctx = await createOrgWithOwner();
    // Written straight to the table, not through ingest, so its month's partition is made here.
    await ensureEventPartitions([new Date("2026-10-01T00:00:00Z")]);
    await db.event.create({
      data: { orgId: ctx.orgId, id: "e1", timestamp: new Date("2026-10-02T10:00:00Z"), provider: "openai", model: "gpt-4o", costUsd: "1", costSource: "reported", tags: { openai_project: "proj_known" } },
    });
    await vendorBillsImportKind.commit(
      ctx,
      json(
        openAiBill([
          [1, 1.5, "proj_known", null],
          [2, 2.25, "proj_rogue", "key_rogue"],
          [3, 0.75, "proj_rogue", null],
        ]),
      ),
    );
    const findings = await byKey(ctx);
    expect(findings.has("unknown_key_or_project:openai:project:proj_known")).toBe(false);
    expect(findings.get("unknown_key_or_project:openai:project:proj_rogue")).toMatchObject({ total_usd: "3.0000000000" });
    expect(findings.get("unknown_key_or_project:openai:api_key:key_rogue")).toMatchObject({ total_usd: "2.2500000000" });
  });

  it("re-importing the same bill gives the same rows and findings; a malformed bill stores nothing", async () => {
    const ctx = await createOrgWithOwner();
    const bill = openAiBill([[1, 80, "proj_x", null]]);
    await vendorBillsImportKind.commit(ctx, json(bill));
    const before = await listFindings(ctx);
    expect(await vendorBillsImportKind.commit(ctx, json(bill))).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await listFindings(ctx)).toEqual(before);
    expect(await db.billedCost.count({ where: { orgId: ctx.orgId } })).toBe(1);

    const bad = openAiBill([
      [5, 10, null, null],
      [6, 10, null, null],
    ]);
    (bad.data[1].results[0].amount as { currency: string }).currency = "eur";
    const preview = await vendorBillsImportKind.preview(ctx, json(bad));
    expect(preview).toMatchObject({ valid: 1, rejected: 1, errors: [{ line: null, message: expect.stringContaining("data[1].results[0].amount.currency") }] });
    expect(await vendorBillsImportKind.commit(ctx, json(bad))).toMatchObject({ accepted: 0, rejected: 1 });
    expect(await db.billedCost.count({ where: { orgId: ctx.orgId } })).toBe(1);
  });
});

describe("POST /api/v1/imports/{expenses,vendor-bills}", () => {
  it("serves both kinds, needs manage_shadow_ai, and answers 400 with the row errors", async () => {
    const ctx = await createOrgWithOwner();
    const manage = (await createApiKey(ctx, { name: "finance", scopes: ["manage", "read"] })).secret;
    const ingestOnly = (await createApiKey(ctx, { name: "ingest", scopes: ["ingest"] })).secret;
    const post = (key: string, kind: string, init: { rawBody?: string; body?: unknown; headers?: Record<string, string> }, query = "") =>
      callRoute(postImport, { key, url: `http://localhost/api/v1/imports/${kind}${query}`, params: { kind }, ...init });
    const asCsv = { "content-type": "text/csv" };
    expect((await post(ingestOnly, "expenses", { rawBody: EXPENSES, headers: asCsv })).status).toBe(401);
    const dry = await post(manage, "expenses", { rawBody: EXPENSES, headers: asCsv }, "?dry_run=true");
    expect(dry).toMatchObject({ status: 200, json: { valid: 5 } });
    expect(await db.expenseTransaction.count({ where: { orgId: ctx.orgId } })).toBe(0);
    expect(await post(manage, "expenses", { rawBody: EXPENSES, headers: asCsv })).toMatchObject({ status: 200, json: { accepted: 5 } });
    const bad = await post(manage, "expenses", { rawBody: "date,email,merchant,amount\n2026-10-01,a@x.test,OPENAI,abc\n", headers: asCsv });
    expect(bad).toMatchObject({ status: 400, json: { error: expect.stringContaining('line 2: amount: "abc" is not a number') } });
    const bill = await post(manage, "vendor-bills", { body: openAiBill([[1, 10, null, null]]) });
    expect(bill).toMatchObject({ status: 200, json: { accepted: 1 } });
    // The file as text takes an array of pages; the page already stored is a duplicate.
    const pages = JSON.stringify([openAiBill([[1, 10, null, null]]), openAiBill([[2, 5.5, null, null]])]);
    expect(await post(manage, "vendor-bills", { rawBody: pages, headers: { "content-type": "text/plain" } })).toMatchObject({ status: 200, json: { accepted: 1, duplicates: 1 } });
    const broken = await post(manage, "vendor-bills", { rawBody: "{ not json", headers: { "content-type": "text/plain" } });
    expect(broken.status).toBe(400);
    expect(await db.billedCost.count({ where: { orgId: ctx.orgId } })).toBe(2);
  });
});

describe("Data Security and Isolation", () => {
  it("another organization's findings, rows and imports are invisible and untouchable", async () => {
    const a = await createOrgWithOwner();
    const b = await createOrgWithOwner();
    const { importId } = await expensesImportKind.commit(a, csv(EXPENSES));
    await vendorBillsImportKind.commit(a, json(openAiBill([[1, 500, "proj_a", null]])));
    expect(await listFindings(b)).toEqual([]);
    expect(await listShadowAiImports(b)).toEqual([]);
    // The same file in b is b's own: not a duplicate of a's rows.
    expect(await expensesImportKind.commit(b, csv(EXPENSES))).toMatchObject({ accepted: 5, duplicates: 0 });
    const aFinding = (await listFindings(a))[0];
    await expect(updateFinding(b, aFinding.id, { status: "dismissed" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(undoShadowAiImport(b, importId!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await sanctionTool(b, { vendor_id: "midjourney" });
    expect((await byKey(a)).has("unsanctioned_tool:midjourney")).toBe(true);
    expect((await byKey(b)).has("unsanctioned_tool:midjourney")).toBe(false);
    expect(await db.expenseTransaction.count({ where: { orgId: a.orgId } })).toBe(5);
  });

  it("a VIEWER reads findings but cannot change them or import", async () => {
    const owner = await createOrgWithOwner();
    await expensesImportKind.commit(owner, csv(EXPENSES));
    const viewer = await addMember(owner, "VIEWER");
    const [first] = await listFindings(viewer);
    await expect(updateFinding(viewer, first.id, { status: "dismissed" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(expensesImportKind.commit(viewer, csv(EXPENSES))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
