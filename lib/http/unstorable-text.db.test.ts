import { describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { toActionError } from "./action-result";
import { errorResponse } from "./error-response";

withTestDatabase();

const event = (id: string, feature: string) => ({ id, timestamp: new Date(Date.now() - 60_000).toISOString(), provider: "openai", model: "gpt-4o-mini", cost_usd: "0.01", feature });

describe("text PostgreSQL cannot store", () => {
  it("costs only the event that holds it: the rest of the batch is stored (207)", async () => {
    const owner = await createOrgWithOwner();
    const { secret } = await createApiKey(owner, { name: "ingest", scopes: ["ingest"] });
    const res = await callRoute(postEvents, { key: secret, rawBody: JSON.stringify({ events: [event("good", "search"), event("bad", "se\u0000arch"), event("odd", "\ud800")] }) });
    expect(res.status).toBe(207);
    expect(res.json).toMatchObject({ accepted: 1, rejected: 2, errors: [{ index: 1, id: "bad", message: expect.stringMatching(/^feature: must not contain a NUL/) }, { index: 2, id: "odd", message: expect.stringMatching(/^feature: /) }] });
    expect(await db.event.count({ where: { orgId: owner.orgId } })).toBe(1);
  });

  it("that reaches the database anyway is the input's fault: 400 for the API, a message for a form", async () => {
    const owner = await createOrgWithOwner();
    const refusal = await db.actionItem.create({ data: { orgId: owner.orgId, weekStart: new Date("2026-11-23"), title: "a\u0000b", createdBy: "test" } }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(Error);
    const res = errorResponse(refusal);
    expect(res.status).toBe(400);
    expect((await res.json()).issues[0].message).toMatch(/NUL character/);
    expect(toActionError(refusal)).toMatchObject({ ok: false, error: expect.stringMatching(/NUL character.*nothing was changed/) });
  });
});
