import { describe, expect, it } from "vitest";
import { parseFindingFilters, readFindingParts, sanctionableTool, summarizeOpenFindings } from "./prepare-findings-view";

describe("readFindingParts", () => {
  it("reads the audit's JSON and drops rows of another shape", () => {
    const parts = readFindingParts({
      monthly_usd: [{ month: "2026-10", amountUsd: "20.0000000000" }, { month: "2026-11" }, "x"],
      people: ["a@x.test", 3, "b@x.test"],
      evidence: [
        { type: "expense", id: "e1", date: "2026-10-02", amountUsd: "20", label: "OPENAI *CHATGPT" },
        { type: "other", id: "e2", date: "2026-10-02", amountUsd: "1", label: "x" },
        { type: "subscription", id: "s1", date: "2026-10-01", amountUsd: "300", label: "ChatGPT Team (annual)" },
        { type: "expense", id: "e3", date: "2026-10-02", amountUsd: "=1+1", label: "x" },
      ],
    });
    expect(parts).toEqual({
      monthly: [{ month: "2026-10", amountUsd: "20.0000000000" }],
      people: ["a@x.test", "b@x.test"],
      evidence: [
        { type: "expense", id: "e1", date: "2026-10-02", amountUsd: "20", label: "OPENAI *CHATGPT" },
        { type: "subscription", id: "s1", date: "2026-10-01", amountUsd: "300", label: "ChatGPT Team (annual)" },
      ],
    });
  });
  it("answers empty lists for a finding whose evidence vanished", () => {
    expect(readFindingParts({ monthly_usd: null, people: undefined, evidence: {} })).toEqual({ monthly: [], people: [], evidence: [] });
  });
});

describe("summarizeOpenFindings", () => {
  it("counts and sums only open findings, exactly", () => {
    expect(
      summarizeOpenFindings([
        { status: "open", total_usd: "0.1000000000" },
        { status: "open", total_usd: "0.2000000000" },
        { status: "dismissed", total_usd: "100" },
      ]),
    ).toEqual({ count: 2, totalUsd: "0.3000000000" });
  });
});

describe("sanctionableTool", () => {
  it("names the catalog tool of tool findings only", () => {
    expect(sanctionableTool({ kind: "unsanctioned_tool", key: "unsanctioned_tool:openai-chatgpt" })).toEqual({ vendorId: "openai-chatgpt", name: expect.stringContaining("ChatGPT") });
    expect(sanctionableTool({ kind: "duplicate_spend", key: "duplicate_spend:openai-chatgpt" })?.vendorId).toBe("openai-chatgpt");
    expect(sanctionableTool({ kind: "unattributed_api_spend", key: "unattributed_api_spend:openai:2026-10" })).toBeNull();
    expect(sanctionableTool({ kind: "unsanctioned_tool", key: "unsanctioned_tool:no-such-tool" })).toBeNull();
  });
});

describe("parseFindingFilters", () => {
  it("keeps known values from single, repeated or comma-separated params", () => {
    expect(parseFindingFilters({ status: "open,bogus", kind: ["duplicate_spend", "unsanctioned_tool", "duplicate_spend"] })).toEqual({
      status: ["open"],
      kind: ["duplicate_spend", "unsanctioned_tool"],
    });
    expect(parseFindingFilters({})).toEqual({ status: [], kind: [] });
  });
});
