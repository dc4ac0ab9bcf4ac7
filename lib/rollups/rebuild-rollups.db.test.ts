import { describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { updateOrganization } from "@/lib/orgs/update-organization";
import { callRoute } from "@/lib/test/api-request";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { dailyRollupMismatches } from "@/lib/test/daily-rollup-mismatches";
import { withTestDatabase } from "@/lib/test/test-database";

withTestDatabase();

describe("roll-ups follow the organization's time zone", () => {
  it("buckets by local hours and rebuilds them, totals unchanged, when the time zone changes", async () => {
    const owner = await createOrgWithOwner();
    const key = (await createApiKey(owner, { name: "i", scopes: ["ingest"] })).secret;
    const base = { provider: "openai", model: "gpt-4o-mini", cost_usd: "0.5", feature: "f" };
    await callRoute(postEvents, { key, body: { events: [
      { ...base, id: "a", timestamp: "2026-10-06T10:10:00Z" },
      { ...base, id: "b", timestamp: "2026-10-06T10:40:00Z" },
    ] } });
    const hours = async () => (await db.costRollupHourly.findMany({ where: { orgId: owner.orgId }, orderBy: { hour: "asc" } })).map((r) => [r.hour.toISOString(), Number(r.events), r.costUsd.toString()]);
    expect(await hours()).toEqual([["2026-10-06T10:00:00.000Z", 2, "1"]]);
    // India is UTC+5:30: local hours start at :30 UTC, so 10:10 and 10:40 fall in different hours.
    await updateOrganization(owner, { name: owner.orgName, timeZone: "Asia/Kolkata" });
    expect(await hours()).toEqual([
      ["2026-10-06T09:30:00.000Z", 1, "0.5"],
      ["2026-10-06T10:30:00.000Z", 1, "0.5"],
    ]);
    // The daily roll-ups follow: Oct 6 in India starts at 18:30 UTC the day before.
    expect((await db.costRollupDaily.findMany({ where: { orgId: owner.orgId } })).map((r) => [r.day.toISOString(), Number(r.events)])).toEqual([["2026-10-05T18:30:00.000Z", 2]]);
    expect(await dailyRollupMismatches(owner.orgId)).toEqual([]);
  });
});
