import { describe, expect, it } from "vitest";
import { POST as postImport } from "@/app/api/v1/imports/[kind]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { OrgContext } from "@/lib/auth/org-context";
import { db } from "@/lib/db";
import { sumDecimals } from "@/lib/format/decimal";
import { callRoute } from "@/lib/test/api-request";
import { addMember, createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { listFindings } from "./findings";
import { expensesImportKind, listShadowAiImports, subscriptionsImportKind, undoShadowAiImport, vendorBillsImportKind } from "./import-files";
import { runShadowAiAudit } from "./run-audit";
import { sanctionTool } from "./sanctioned-tools";
import { summarizeGovernance } from "./summarize-governance";

withTestDatabase();

// A Zylo-style export: Midjourney (annual, unsanctioned), ChatGPT Enterprise (to be sanctioned),
// Cursor (monthly, bought by the company but not on the list), and Slack (not AI).
const SUBSCRIPTIONS = [
  "Application,Vendor,Plan,Owner,Owner Email,Licenses,Annual Cost,Monthly Cost,Billing Frequency,Contract Start,Renewal Date,Department",
  "Midjourney,Midjourney,Pro,Mia Chen,MIA@X.TEST,3,1440,,Annual,2026-09-15,2027-09-15,Design",
  "ChatGPT,OpenAI,Enterprise,Dana Ruiz,dana@x.test,50,36000,,Annual,2026-10-01,2027-10-01,IT",
  "Cursor,Anysphere,Business,Raj Patel,raj@x.test,10,,400,Monthly,2026-10-01,,Engineering",
  "Slack,Salesforce,Business+,Ed,ed@x.test,80,,1000,Monthly,2026-01-01,,IT",
].join("\n");

// Card lines up to November: the latest month of imported data.
const EXPENSES = [
  "date,employee,email,merchant,amount",
  "2026-10-03,Ann,ann@x.test,OPENAI *CHATGPT SUBSCR,20.00",
  "2026-11-04,Raj,raj@x.test,CURSOR AI POWERED IDE,20.00",
  "2026-11-05,Ann,ann@x.test,OPENAI *CHATGPT SUBSCR,20.00",
].join("\n");

const csv = (text: string) => ({ format: "csv" as const, text });

/** Imports subscriptions as if on 10 November 2026: the import month is part of "the latest month of data". */
async function importSubscriptionsInNovember(ctx: OrgContext, text: string) {
  const { importId } = await subscriptionsImportKind.commit(ctx, csv(text));
  await db.importBatch.update({ where: { orgId_id: { orgId: ctx.orgId, id: importId! } }, data: { createdAt: new Date("2026-11-10T12:00:00Z") } });
  await runShadowAiAudit(ctx);
}

async function byKey(ctx: OrgContext) {
  return new Map((await listFindings(ctx)).map((f) => [f.key, f]));
}

describe("subscriptions import", () => {
  it("previews with mapped headers and row errors, and a malformed file stores nothing", async () => {
    const ctx = await createOrgWithOwner();
    const bad = ["App,Seats,Cost,Billing Cycle", "Cursor,10,400,monthly", "Midjourney,three,$30,weekly"].join("\n");
    const preview = await subscriptionsImportKind.preview(ctx, csv(bad));
    expect(preview).toMatchObject({ rows: 2, valid: 1, rejected: 1, duplicates: 0, errors: [{ line: 3, index: 1, message: expect.stringContaining('billing_cycle: "weekly" is not monthly or annual; Cost (amount): "$30" is not a number') }] });
    expect(preview.sample[0]).toMatchObject({ vendorName: "Cursor", amountUsd: "400.0000000000", billingCycle: "monthly", match: { vendorId: "cursor" } });
    expect(await subscriptionsImportKind.commit(ctx, csv(bad))).toMatchObject({ accepted: 0, rejected: 1, importId: null });
    expect(await db.saasSubscription.count({ where: { orgId: ctx.orgId } })).toBe(0);
    expect(await db.importBatch.count({ where: { orgId: ctx.orgId } })).toBe(0);
  });

  it("stores every row with its catalog match, once: the same file again is all duplicates", async () => {
    const ctx = await createOrgWithOwner();
    const first = await subscriptionsImportKind.commit(ctx, csv(SUBSCRIPTIONS));
    expect(first).toMatchObject({ rows: 4, accepted: 4, duplicates: 0, rejected: 0 });
    const stored = await db.saasSubscription.findMany({ where: { orgId: ctx.orgId }, orderBy: { rowNumber: "asc" } });
    expect(stored.map((s) => [s.vendorName, s.vendorId, s.billingCycle, s.amountUsd.toFixed(2), s.email, s.seats])).toEqual([
      ["Midjourney", "midjourney", "annual", "1440.00", "mia@x.test", 3],
      ["ChatGPT", "openai-chatgpt-business", "annual", "36000.00", "dana@x.test", 50],
      ["Cursor", "cursor", "monthly", "400.00", "raj@x.test", 10],
      ["Slack", null, "monthly", "1000.00", "ed@x.test", 80],
    ]);
    expect((await listShadowAiImports(ctx))[0]).toMatchObject({ kind: "subscriptions", rows: 4 });
    const before = await listFindings(ctx);
    expect(await subscriptionsImportKind.commit(ctx, csv(SUBSCRIPTIONS))).toMatchObject({ accepted: 0, duplicates: 4, importId: null });
    expect(await subscriptionsImportKind.preview(ctx, csv(SUBSCRIPTIONS))).toMatchObject({ duplicates: 4 });
    expect(await listFindings(ctx)).toEqual(before);
    expect(await db.saasSubscription.count({ where: { orgId: ctx.orgId } })).toBe(4);
  });

  it("FINANCE may import; ENGINEER and VIEWER may not", async () => {
    const owner = await createOrgWithOwner();
    const finance = await addMember(owner, "FINANCE");
    expect(await subscriptionsImportKind.commit(finance, csv(SUBSCRIPTIONS))).toMatchObject({ accepted: 4 });
    for (const role of ["ENGINEER", "VIEWER"] as const) {
      const member = await addMember(owner, role);
      await expect(subscriptionsImportKind.preview(member, csv(SUBSCRIPTIONS))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(subscriptionsImportKind.commit(member, csv(SUBSCRIPTIONS))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("subscriptions in the audit", () => {
  it("an AI subscription to an unsanctioned tool is an unsanctioned_tool finding, spread per month to the latest month of data", async () => {
    const ctx = await createOrgWithOwner();
    await importSubscriptionsInNovember(ctx, SUBSCRIPTIONS);
    await expensesImportKind.commit(ctx, csv(EXPENSES));
    const findings = await byKey(ctx);
    // Midjourney: 1440 a year from September = 120 a month, September to November (the latest expense).
    expect(findings.get("unsanctioned_tool:midjourney")).toMatchObject({
      total_usd: "360.0000000000",
      monthly_usd: [
        { month: "2026-09", amountUsd: "120.0000000000" },
        { month: "2026-10", amountUsd: "120.0000000000" },
        { month: "2026-11", amountUsd: "120.0000000000" },
      ],
      people: ["mia@x.test"],
      first_seen: "2026-09-01T00:00:00.000Z",
      last_seen: "2026-11-01T00:00:00.000Z",
      evidence: [{ type: "subscription", date: "2026-09-01", amountUsd: "360.0000000000", label: "Midjourney Pro · 3 seats · 1440.00 USD annual", id: expect.any(String) }],
    });
    // Cursor: subscription 400 × 2 months plus Raj's card line, all outside governance.
    expect(findings.get("unsanctioned_tool:cursor")).toMatchObject({ total_usd: "820.0000000000", people: ["raj@x.test"] });
    expect(findings.has("unsanctioned_tool:openai-chatgpt-business")).toBe(true);
    // Not AI: no finding of any kind names Slack.
    expect([...findings.values()].some((f) => f.title.includes("Slack"))).toBe(false);
  });

  it("card spend beside a company subscription or a sanctioned tool is duplicate spend; the subscription is shown, not counted", async () => {
    const ctx = await createOrgWithOwner();
    await subscriptionsImportKind.commit(ctx, csv(SUBSCRIPTIONS));
    await expensesImportKind.commit(ctx, csv(EXPENSES));
    await sanctionTool(ctx, { vendor_id: "openai-chatgpt-business" });
    const findings = await byKey(ctx);
    // Cursor is bought by the company (a subscription) and Raj also pays it on his card.
    const cursor = findings.get("duplicate_spend:cursor")!;
    expect(cursor).toMatchObject({ total_usd: "20.0000000000", title: "Anysphere Cursor bought as a company subscription and paid on personal cards" });
    expect((cursor.evidence as { type: string }[]).map((e) => e.type)).toEqual(["expense", "subscription"]);
    // ChatGPT Enterprise is sanctioned: its subscription is inside governance, no finding.
    expect(findings.has("unsanctioned_tool:openai-chatgpt-business")).toBe(false);
    expect(findings.has("duplicate_spend:openai-chatgpt-business")).toBe(false);
    // Ann's ChatGPT Plus is a different product, paid by one person: unsanctioned, not duplicate.
    expect(findings.has("unsanctioned_tool:openai-chatgpt")).toBe(true);
    expect(findings.has("duplicate_spend:openai-chatgpt")).toBe(false);

    await sanctionTool(ctx, { vendor_id: "cursor" });
    const after = await byKey(ctx);
    expect(after.get("duplicate_spend:cursor")).toMatchObject({ total_usd: "20.0000000000", title: "Anysphere Cursor licensed centrally and paid on personal cards" });
    expect(after.has("unsanctioned_tool:cursor")).toBe(false);
  });

  it("a subscription that starts after the latest month of data counts nothing yet", async () => {
    const ctx = await createOrgWithOwner();
    await expensesImportKind.commit(ctx, csv(EXPENSES));
    await importSubscriptionsInNovember(ctx, "Application,Monthly Cost,Contract Start\nMidjourney,30,2099-01-01\nJasper,49,2026-11-20");
    const findings = await byKey(ctx);
    expect(findings.has("unsanctioned_tool:midjourney")).toBe(false);
    expect(findings.get("unsanctioned_tool:jasper")).toMatchObject({ total_usd: "49.0000000000", monthly_usd: [{ month: "2026-11", amountUsd: "49.0000000000" }] });
  });

  it("undo deletes the subscriptions and the findings they alone supported", async () => {
    const ctx = await createOrgWithOwner();
    const { importId } = await subscriptionsImportKind.commit(ctx, csv(SUBSCRIPTIONS));
    expect((await byKey(ctx)).has("unsanctioned_tool:midjourney")).toBe(true);
    expect(await undoShadowAiImport(ctx, importId!)).toEqual({ id: importId, deleted: 4 });
    expect(await db.saasSubscription.count({ where: { orgId: ctx.orgId } })).toBe(0);
    expect(await listFindings(ctx)).toEqual([]);
    expect(await db.auditLog.count({ where: { orgId: ctx.orgId, action: "import.undo", targetId: importId! } })).toBe(1);
    await expect(undoShadowAiImport(ctx, importId!)).rejects.toMatchObject({ code: "CONFLICT" });
    // Undone rows are gone, so the same file imports again.
    expect(await subscriptionsImportKind.commit(ctx, csv(SUBSCRIPTIONS))).toMatchObject({ accepted: 4 });
  });
});

describe("months in the organization's time zone", () => {
  it("counts a subscription without a start date from its import month in the organization's zone", async () => {
    const utc = await createOrgWithOwner();
    await db.organization.update({ where: { id: utc.orgId }, data: { timeZone: "Asia/Tokyo" } });
    const ctx = { ...utc, timeZone: "Asia/Tokyo" };
    const { importId } = await subscriptionsImportKind.commit(ctx, csv("Application,Monthly Cost\nMidjourney,30"));
    // 20:00 UTC on 31 October is 1 November in Tokyo.
    await db.importBatch.update({ where: { orgId_id: { orgId: ctx.orgId, id: importId! } }, data: { createdAt: new Date("2026-10-31T20:00:00Z") } });
    await runShadowAiAudit(ctx);
    expect((await byKey(ctx)).get("unsanctioned_tool:midjourney")).toMatchObject({ monthly_usd: [{ month: "2026-11", amountUsd: "30.0000000000" }] });
    expect((await summarizeGovernance(ctx)).map((m) => [m.month, m.unsanctioned_usd, m.subscriptions_usd])).toEqual([["2026-11", "30.0000000000", "30.0000000000"]]);
  });

  it("reconciles a UTC bill with tracked cost per UTC month; the summary shows tracked cost in local months", async () => {
    const org = await createOrgWithOwner();
    await db.organization.update({ where: { id: org.orgId }, data: { timeZone: "Asia/Tokyo" } });
    const ctx = { ...org, timeZone: "Asia/Tokyo" };
    // $500 spent at 16:00 UTC on 31 October: October in UTC, 1 November in Tokyo (its local day starts 15:00 UTC).
    const dims = { orgId: ctx.orgId, feature: "", team: "", customer: "", environment: "", provider: "openai", model: "gpt-4o", workflow: "", events: 1, costUsd: "500" };
    await db.costRollupHourly.create({ data: { ...dims, hour: new Date("2026-10-31T16:00:00Z") } });
    await db.costRollupDaily.create({ data: { ...dims, day: new Date("2026-10-31T15:00:00Z") } });
    const start = Date.UTC(2026, 9, 31) / 1000;
    const bucket = { object: "bucket", start_time: start, end_time: start + 86_400, results: [{ object: "organization.costs.result", amount: { value: 500, currency: "usd" }, line_item: null, project_id: null, api_key_id: null }] };
    await vendorBillsImportKind.commit(ctx, { format: "json", rows: [bucket] });
    // The October bill matches October's tracked cost (UTC hours): nothing unattributed.
    expect([...(await byKey(ctx)).keys()]).toEqual([]);
    const summary = await summarizeGovernance(ctx);
    expect(summary.map((m) => [m.month, m.tracked_api_usd, m.unattributed_api_usd])).toEqual([
      ["2026-11", "500.0000000000", "0.0000000000"],
    ]);
  });
});

describe("POST /api/v1/imports/subscriptions", () => {
  it("previews without storing, refuses a malformed file with row errors, stores with a manage key, and refuses a read key", async () => {
    const ctx = await createOrgWithOwner();
    const manage = (await createApiKey(ctx, { name: "finance", scopes: ["manage", "read"] })).secret;
    const read = (await createApiKey(ctx, { name: "reader", scopes: ["read"] })).secret;
    const post = (key: string, body: string, query = "") =>
      callRoute(postImport, { key, url: `http://localhost/api/v1/imports/subscriptions${query}`, params: { kind: "subscriptions" }, rawBody: body, headers: { "content-type": "text/csv" } });
    const dry = await post(manage, SUBSCRIPTIONS, "?dry_run=true");
    expect(dry).toMatchObject({ status: 200, json: { rows: 4, valid: 4, rejected: 0, duplicates: 0 } });
    expect(await db.saasSubscription.count({ where: { orgId: ctx.orgId } })).toBe(0);

    const malformed = await post(manage, ["Application,Cost,Billing Frequency", "Cursor,400,Monthly", "Claude,12;5,Monthly"].join("\n"));
    expect(malformed).toMatchObject({ status: 400, json: { error: expect.stringContaining('line 3: Cost (amount): "12;5" is not a number'), issues: [{ path: "line 3" }] } });
    expect(await db.saasSubscription.count({ where: { orgId: ctx.orgId } })).toBe(0);

    expect(await post(read, SUBSCRIPTIONS)).toMatchObject({ status: 401 });
    const stored = await post(manage, SUBSCRIPTIONS);
    expect(stored).toMatchObject({ status: 200, json: { accepted: 4, duplicates: 0, importId: expect.any(String) } });
    expect(await post(manage, SUBSCRIPTIONS)).toMatchObject({ status: 200, json: { accepted: 0, duplicates: 4 } });
    const json = await callRoute(postImport, {
      key: manage,
      url: "http://localhost/api/v1/imports/subscriptions",
      params: { kind: "subscriptions" },
      body: { csv: "tool,price,term\nJasper,49,monthly", mapping: { tool: "application", price: "monthly_amount", term: null } },
    });
    expect(json).toMatchObject({ status: 200, json: { accepted: 1 } });
    const totals = await db.saasSubscription.findMany({ where: { orgId: ctx.orgId }, select: { amountUsd: true } });
    expect(sumDecimals(totals.map((t) => t.amountUsd.toString()))).toBe("38889.0000000000");
  });
});

describe("Data Security and Isolation", () => {
  it("one organization's subscriptions are invisible to another, and the same file is new there", async () => {
    const a = await createOrgWithOwner();
    const b = await createOrgWithOwner();
    const { importId } = await subscriptionsImportKind.commit(a, csv(SUBSCRIPTIONS));
    expect(await listFindings(b)).toEqual([]);
    expect(await summarizeGovernance(b)).toEqual([]);
    expect(await listShadowAiImports(b)).toEqual([]);
    await expect(undoShadowAiImport(b, importId!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await subscriptionsImportKind.commit(b, csv(SUBSCRIPTIONS))).toMatchObject({ accepted: 4, duplicates: 0 });
    await sanctionTool(b, { vendor_id: "midjourney" });
    expect((await byKey(a)).has("unsanctioned_tool:midjourney")).toBe(true);
    expect((await byKey(b)).has("unsanctioned_tool:midjourney")).toBe(false);
    expect(await db.saasSubscription.count({ where: { orgId: a.orgId } })).toBe(4);
  });
});
