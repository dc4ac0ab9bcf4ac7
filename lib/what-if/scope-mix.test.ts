import { describe, expect, it } from "vitest";
import { listScopeValues, mixForScope, type ScopedMixRow } from "./scope-mix";
import { mixRow } from "./test-rates";

const rows: ScopedMixRow[] = [
  { ...mixRow({ model: "gpt-4o", calls: 2, inputTokens: 100, costUsd: "0.1" }), feature: "chat", workflow: "" },
  { ...mixRow({ model: "gpt-4o", calls: 3, inputTokens: 50, costUsd: "0.2" }), feature: "search", workflow: "triage" },
  { ...mixRow({ model: "gpt-4o-mini", calls: 10, inputTokens: 1000, costUsd: "0.05" }), feature: "chat", workflow: "triage" },
];

describe("mixForScope", () => {
  it("sums per model across the scope, dearest first", () => {
    const all = mixForScope(rows, { kind: "all" });
    expect(all.map((r) => [r.model, r.calls, r.inputTokens, r.costUsd])).toEqual([
      ["gpt-4o", 5, 150, "0.3000000000"],
      ["gpt-4o-mini", 10, 1000, "0.0500000000"],
    ]);
    expect(mixForScope(rows, { kind: "feature", value: "chat" }).map((r) => r.costUsd)).toEqual(["0.1000000000", "0.0500000000"]);
    expect(mixForScope(rows, { kind: "workflow", value: "triage" }).map((r) => r.calls)).toEqual([3, 10]);
    expect(mixForScope(rows, { kind: "workflow", value: "none" })).toEqual([]);
  });

  it("lists scope values by cost", () => {
    expect(listScopeValues(rows, "feature")).toEqual(["search", "chat"]);
    expect(listScopeValues(rows, "workflow")).toEqual(["triage", ""]);
  });
});
