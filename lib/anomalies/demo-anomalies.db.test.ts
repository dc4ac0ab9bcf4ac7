import { describe, expect, it } from "vitest";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { generateDemoData } from "@/prisma/demo/generate-demo-data";
import { loadDemoData } from "@/prisma/demo/load-demo-data";
import { loadAnomalies } from "./load-anomalies";

withTestDatabase();

describe("the demo organization's runaway-agent incident, through ingest and the roll-ups", () => {
  it("is the only anomaly of the last 31 days, on its day, for its workflow and its feature", { timeout: 180_000 }, async () => {
    // A smaller demo (45 days, 300 events a day) so it loads in seconds; the incident is its last full day.
    const ctx = await createOrgWithOwner("Demo Anomalies");
    // A fixed past instant, so the generated days (and their noise) are the same on every run.
    const now = new Date("2026-11-20T12:00:00Z");
    const options = { now, days: 45, events: 45 * 300 };
    const { facts } = generateDemoData(options);
    await loadDemoData(ctx, options);

    const anomalies = await loadAnomalies(ctx, { now, days: 31 });
    const incident = anomalies.find((a) => a.dimension === "workflow" && a.value === facts.incident.workflow && a.date === facts.incident.date);
    expect(anomalies.map((a) => [a.dimension, a.value, a.date]).sort()).toEqual([
      ["feature", "doc-search", facts.incident.date],
      ["workflow", facts.incident.workflow, facts.incident.date],
    ]);
    expect(incident!.cause.today.callsPerRun).toBeGreaterThan(3 * incident!.cause.baseline.callsPerRun!);
    expect(incident!.cause.detail).toMatch(/calls per run/);
  });
});
