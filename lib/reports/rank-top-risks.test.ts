import { describe, expect, it } from "vitest";
import { rankTopRisks } from "./rank-top-risks";

const budget = (name: string, level: string, spend: string, amount: string) => ({ name, level, spend_usd: spend, amount_usd: amount, reason: `${name} reason` });
const spike = (value: string, excess: string) => ({ dimension: "feature" as const, value, date: "2026-10-14", excessUsd: excess, cause: { detail: `${value} cause` } });
const finding = (title: string, total: string, status = "open") => ({ kind: "unsanctioned_tool", title, total_usd: total, status });

describe("rankTopRisks", () => {
  it("lists red budgets furthest over first, then the largest spikes, then the largest open findings", () => {
    const risks = rankTopRisks({
      budgets: [budget("a", "red", "110", "100"), budget("b", "yellow", "95", "100"), budget("c", "red", "300", "100")],
      anomalies: [spike("search", "12.5"), spike("chat", "40")],
      findings: [finding("Midjourney paid outside governance", "80"), finding("Dismissed", "900", "dismissed"), finding("ChatGPT paid outside governance", "120")],
    });
    expect(risks.map((r) => [r.kind, r.title, r.amount_usd])).toEqual([
      ["budget", 'Budget "c" is red', "300"],
      ["budget", 'Budget "a" is red', "110"],
      ["anomaly", 'Cost spike in feature "chat" on 2026-10-14', "40"],
      ["anomaly", 'Cost spike in feature "search" on 2026-10-14', "12.5"],
      ["shadow_ai", "ChatGPT paid outside governance", "120"],
      ["shadow_ai", "Midjourney paid outside governance", "80"],
    ]);
    expect(risks[0].detail).toBe("$300.00 of $100.00. c reason");
    expect(risks[4].detail).toBe("AI tool paid outside governance");
  });

  it("keeps at most the given number per kind", () => {
    const risks = rankTopRisks({ budgets: [], anomalies: [spike("a", "1"), spike("b", "2"), spike("c", "3")], findings: [] }, 2);
    expect(risks.map((r) => r.title)).toEqual(['Cost spike in feature "c" on 2026-10-14', 'Cost spike in feature "b" on 2026-10-14']);
  });

  it("is empty when nothing is at risk", () => {
    expect(rankTopRisks({ budgets: [budget("ok", "green", "1", "100")], anomalies: [], findings: [] })).toEqual([]);
  });
});
