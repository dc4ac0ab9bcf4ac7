import { describe, expect, it } from "vitest";
import { GET as getItems, POST as postItem } from "@/app/api/v1/action-items/route";
import { PATCH as patchItem } from "@/app/api/v1/action-items/[id]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { callRoute } from "@/lib/test/api-request";
import { addMember, createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { parseReviewWeek } from "@/lib/weekly-review/review-week";
import { createActionItem } from "./create-action-item";
import { getActionItemOrThrow, listActionItemsForWeek } from "./list-action-items";
import { updateActionItem } from "./update-action-item";

withTestDatabase();

const URL_BASE = "http://localhost/api/v1/action-items";
// Instants inside ISO weeks 46–49 of 2026 (Mondays 9, 16, 23, 30 November)
const IN_W46 = new Date("2026-11-11T12:00:00Z");
const IN_W48 = new Date("2026-11-25T12:00:00Z");

const titlesIn = async (ctx: Awaited<ReturnType<typeof createOrgWithOwner>>, week: string) =>
  (await listActionItemsForWeek(ctx, parseReviewWeek(week, ctx.timeZone))).map((i) => ({ title: i.title, status: i.status, carried_over: i.carried_over, closed_later: i.closed_later }));

async function expectCode(promise: Promise<unknown>, code: AppError["code"]) {
  await expect(promise).rejects.toSatisfy((e) => e instanceof AppError && e.code === code);
}

describe("action items", () => {
  it("persist across weeks: open items carry over, an item closed in a week shows done that week only", async () => {
    const org = await createOrgWithOwner();
    const raised = await createActionItem(org, { title: "Cap the research agent's retries", owner: "ana@x.test", due_date: "2026-11-20" }, IN_W46);
    expect(raised).toMatchObject({ week: "2026-W46", week_start: "2026-11-09", status: "open", due_date: "2026-11-20", closed_at: null, created_by: expect.stringContaining("@") });
    await createActionItem(org, { title: "Stays open", week: "2026-W46" }, IN_W46);

    expect(await titlesIn(org, "2026-W45")).toEqual([]);
    expect(await titlesIn(org, "2026-W46")).toEqual([
      { title: "Cap the research agent's retries", status: "open", carried_over: false, closed_later: false },
      { title: "Stays open", status: "open", carried_over: false, closed_later: false },
    ]);
    expect((await titlesIn(org, "2026-W47")).map((i) => i.carried_over)).toEqual([true, true]);

    const closed = await updateActionItem(org, raised.id, { status: "done" }, IN_W48);
    expect(closed.closed_at).toBe(IN_W48.toISOString());
    expect(await titlesIn(org, "2026-W48")).toEqual([
      { title: "Stays open", status: "open", carried_over: true, closed_later: false },
      { title: "Cap the research agent's retries", status: "done", carried_over: true, closed_later: false },
    ]);
    expect(await titlesIn(org, "2026-W49")).toEqual([{ title: "Stays open", status: "open", carried_over: true, closed_later: false }]);
    // looking back, W47 still shows it (it was open then), marked as closed later
    expect((await titlesIn(org, "2026-W47")).find((i) => i.title.startsWith("Cap"))).toMatchObject({ status: "done", closed_later: true });

    // reopening clears closedAt: it carries over again
    await updateActionItem(org, raised.id, { status: "in_progress" }, new Date("2026-12-01T00:00:00Z"));
    expect((await titlesIn(org, "2026-W49")).map((i) => i.title)).toContain("Cap the research agent's retries");
  });

  it("keeps closedAt from the first close and audits create and update with before and after", async () => {
    const org = await createOrgWithOwner();
    const item = await createActionItem(org, { title: "Renegotiate the OpenAI commit", week: "2026-11-18" }, IN_W46);
    expect(item.week).toBe("2026-W47");
    await updateActionItem(org, item.id, { status: "dropped", note: "not worth it" }, IN_W48);
    const again = await updateActionItem(org, item.id, { status: "done" }, new Date("2026-12-10T00:00:00Z"));
    expect(again.closed_at).toBe(IN_W48.toISOString());
    const audit = await db.auditLog.findMany({ where: { orgId: org.orgId, targetId: item.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["action_item.create", "action_item.update", "action_item.update"]);
    expect(audit[1].before).toMatchObject({ status: "open", note: null, closed_at: null });
    expect(audit[1].after).toMatchObject({ status: "dropped", note: "not worth it", closed_at: IN_W48.toISOString() });
  });

  it("validates fields and names them", async () => {
    const org = await createOrgWithOwner();
    const bad = (input: unknown) => createActionItem(org, input).then(
      () => [],
      (e: AppError) => (e.issues ?? []).map((i) => i.path),
    );
    expect(await bad({ title: "  " })).toEqual(["title"]);
    expect(await bad({ title: "x".repeat(201) })).toEqual(["title"]);
    expect(await bad({ title: "ok", owner: "o".repeat(201) })).toEqual(["owner"]);
    expect(await bad({ title: "ok", due_date: "2026-02-30" })).toEqual(["due_date"]);
    expect(await bad({ title: "ok", status: "closed" })).toEqual(["status"]);
    expect(await bad({ title: "ok", week: "2026-W60" })).toEqual(["week"]);
    const item = await createActionItem(org, { title: "ok", owner: "", due_date: "" });
    expect(item).toMatchObject({ owner: null, due_date: null });
    await expectCode(updateActionItem(org, item.id, {}), "INVALID_INPUT");
  });

  it("lets any member but a viewer write", async () => {
    const org = await createOrgWithOwner();
    const engineer = await addMember(org, "ENGINEER");
    const viewer = await addMember(org, "VIEWER");
    const item = await createActionItem(engineer, { title: "Tag the batch jobs" });
    await expectCode(createActionItem(viewer, { title: "nope" }), "FORBIDDEN");
    await expectCode(updateActionItem(viewer, item.id, { status: "done" }), "FORBIDDEN");
    expect((await getActionItemOrThrow(viewer, item.id)).title).toBe("Tag the batch jobs");
  });

  describe("Data Security and Isolation", () => {
    it("never reads or updates another organization's item by id", async () => {
      const a = await createOrgWithOwner();
      const b = await createOrgWithOwner();
      const item = await createActionItem(a, { title: "A's secret plan", week: "2026-W47" });
      await createActionItem(b, { title: "B's plan", week: "2026-W47" });
      await expectCode(getActionItemOrThrow(b, item.id), "NOT_FOUND");
      await expectCode(updateActionItem(b, item.id, { status: "done" }), "NOT_FOUND");
      expect((await titlesIn(b, "2026-W47")).map((i) => i.title)).toEqual(["B's plan"]);
      expect((await getActionItemOrThrow(a, item.id)).status).toBe("open");
    });
  });
});

describe("/api/v1/action-items", () => {
  async function setUp() {
    const org = await createOrgWithOwner();
    const manage = (await createApiKey(org, { name: "manager", scopes: ["read", "manage"] })).secret;
    const read = (await createApiKey(org, { name: "reader", scopes: ["read"] })).secret;
    return { org, manage, read };
  }

  it("creates, lists per week and updates; a read key cannot write", async () => {
    const { manage, read } = await setUp();
    const created = await callRoute(postItem, { key: manage, body: { title: "Move summaries to a small model", week: "2026-W47", owner: "li@x.test" } });
    expect(created).toMatchObject({ status: 201, json: { title: "Move summaries to a small model", week: "2026-W47", status: "open" } });
    expect((await callRoute(postItem, { key: manage, body: { owner: "x" } })).status).toBe(400);
    expect((await callRoute(postItem, { key: read, body: { title: "nope" } })).status).toBe(401);

    const w48 = await callRoute(getItems, { key: read, method: "GET", url: `${URL_BASE}?week=2026-W48` });
    expect(w48).toMatchObject({ status: 200, json: { action_items: [{ id: created.json.id, carried_over: true }] } });
    expect((await callRoute(getItems, { key: read, method: "GET", url: `${URL_BASE}?week=2026-W46` })).json.action_items).toEqual([]);
    expect((await callRoute(getItems, { key: read, method: "GET", url: `${URL_BASE}?week=soon` })).status).toBe(400);
    expect((await callRoute(getItems, { key: read, method: "GET", url: `${URL_BASE}?status=closed` })).status).toBe(400);
    expect((await callRoute(getItems, { key: read, method: "GET", url: `${URL_BASE}?status=open` })).json.action_items).toHaveLength(1);

    const id = created.json.id;
    expect((await callRoute(patchItem, { key: read, method: "PATCH", body: { status: "done" }, params: { id } })).status).toBe(401);
    const patched = await callRoute(patchItem, { key: manage, method: "PATCH", body: { status: "done", due_date: "2026-11-27" }, params: { id } });
    expect(patched).toMatchObject({ status: 200, json: { status: "done", due_date: "2026-11-27", closed_at: expect.any(String) } });
    expect((await callRoute(patchItem, { key: manage, method: "PATCH", body: { status: "finished" }, params: { id } })).status).toBe(400);
  });

  it("answers 401 for an unknown key or one without the read scope, and 404 for another organization's item", async () => {
    const { org, manage } = await setUp();
    const other = await setUp();
    const unknown = `mk_${"q".repeat(40)}`;
    const ingestOnly = (await createApiKey(org, { name: "i", scopes: ["ingest"] })).secret;
    expect((await callRoute(getItems, { key: unknown, method: "GET", url: URL_BASE })).status).toBe(401);
    expect((await callRoute(getItems, { key: ingestOnly, method: "GET", url: URL_BASE })).status).toBe(401);
    expect((await callRoute(postItem, { key: ingestOnly, body: { title: "x" } })).status).toBe(401);
    const mine = await callRoute(postItem, { key: manage, body: { title: "mine" } });
    expect((await callRoute(patchItem, { key: other.manage, method: "PATCH", body: { status: "done" }, params: { id: mine.json.id } })).status).toBe(404);
    expect((await callRoute(getItems, { key: other.read, method: "GET", url: URL_BASE })).json.action_items).toEqual([]);
  });
});
