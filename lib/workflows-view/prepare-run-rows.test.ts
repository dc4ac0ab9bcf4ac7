import { describe, expect, it } from "vitest";
import type { RunListItem } from "@/lib/runs/schemas";
import { prepareRunRows, runsCsvRows } from "./prepare-run-rows";

const run = (over: Partial<RunListItem>): RunListItem => ({
  run_id: "r1", workflow: "triage", feature: null, started_at: "2026-11-01T10:00:00.000Z", ended_at: "2026-11-01T10:00:02.500Z",
  duration_ms: 2500, steps: 3, errors: 0, cost_usd: "0.53", input_tokens: 600, output_tokens: 60, outcome: "success", outcome_value_usd: null, ...over,
});

describe("prepareRunRows", () => {
  it("keeps the API's order and gives outcomes a tone", () => {
    const rows = prepareRunRows([run({}), run({ run_id: "r2", outcome: "failure" }), run({ run_id: "r3", outcome: null, duration_ms: null, cost_usd: "0.000412" })]);
    expect(rows.map((r) => [r.runId, r.outcome, r.outcomeTone, r.duration, r.cost])).toEqual([
      ["r1", "success", "green", "2.50 s", "$0.53"],
      ["r2", "failure", "red", "2.50 s", "$0.53"],
      ["r3", "no outcome", "neutral", "–", "$0.000412"],
    ]);
    expect(rows[0].startedAt).toBe("Nov 1, 2026, 10:00:00 AM UTC");
  });

  it("exports exact decimals", () => {
    expect(runsCsvRows([run({})])[0]).toEqual(["r1", "triage", "2026-11-01T10:00:00.000Z", "2026-11-01T10:00:02.500Z", 2500, 3, 0, "0.53", 600, 60, "success"]);
  });
});
