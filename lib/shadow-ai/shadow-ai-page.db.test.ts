import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createOrgWithOwner } from "@/lib/test/fixtures";
import { withTestDatabase } from "@/lib/test/test-database";
import { getFindingOrThrow, listFindings, updateFinding } from "./findings";
import { expensesImportKind, listShadowAiImports } from "./import-files";
import { prepareGovernanceChart } from "./prepare-governance-chart";
import { readFindingParts, sanctionableTool, summarizeOpenFindings } from "./prepare-findings-view";
import { summarizeGovernance } from "./summarize-governance";

withTestDatabase();

// The e2e spec's files: the page's numbers are checked here against the lib, there against the screen.
const fixture = (name: string) => readFileSync(path.join(process.cwd(), "e2e/fixtures", name), "utf8");
const OCTOBER = fixture("shadow-ai-expenses-october.csv");
const NOVEMBER = fixture("shadow-ai-expenses-november.csv");

describe("the Shadow AI page's data", () => {
  it("keeps the file name, and the findings, headline and detail follow the imports", async () => {
    const org = await createOrgWithOwner();
    const first = await expensesImportKind.commit(org, { format: "csv", text: OCTOBER }, { fileName: "october.csv" });
    expect(first).toMatchObject({ accepted: 5, rejected: 0 });
    expect((await listShadowAiImports(org)).map((i) => i.fileName)).toEqual(["october.csv"]);

    const findings = await listFindings(org);
    expect(findings.map((f) => [f.key, f.total_usd])).toEqual([
      ["duplicate_spend:openai-chatgpt", "40.0000000000"],
      ["unsanctioned_tool:openai-chatgpt", "40.0000000000"],
      ["unsanctioned_tool:midjourney", "30.0000000000"],
    ]);
    expect(summarizeOpenFindings(findings)).toEqual({ count: 3, totalUsd: "110.0000000000" });
    const chart = prepareGovernanceChart(await summarizeGovernance(org));
    expect(chart.headline).toMatchObject({ latestMonth: "2026-10", latestOutside: "70.0000000000", latestInside: "0.0000000000", outsideSharePct: "100.0" });

    const tool = findings.find((f) => f.key === "unsanctioned_tool:openai-chatgpt")!;
    expect(sanctionableTool(tool)).toMatchObject({ vendorId: "openai-chatgpt" });
    await updateFinding(org, tool.id, { status: "sanctioned", note: "Company plan from December", owner: "it@acme.test" });
    await expensesImportKind.commit(org, { format: "csv", text: NOVEMBER }, { fileName: "november.csv" });

    const detail = await getFindingOrThrow(org, tool.id);
    expect(detail).toMatchObject({ status: "sanctioned", note: "Company plan from December", owner: "it@acme.test", total_usd: "60.0000000000" });
    const parts = readFindingParts(detail);
    expect(parts.people).toEqual(["ann@acme.test", "bob@acme.test"]);
    expect(parts.monthly).toEqual([
      { month: "2026-10", amountUsd: "40.0000000000" },
      { month: "2026-11", amountUsd: "20.0000000000" },
    ]);
    expect(parts.evidence).toHaveLength(3);
  });

  it("rejects a file with a bad amount whole, storing nothing", async () => {
    const org = await createOrgWithOwner();
    const bad = OCTOBER.replace("30.00", () => "$30.00");
    const preview = await expensesImportKind.preview(org, { format: "csv", text: bad });
    expect(preview).toMatchObject({ rows: 5, rejected: 1, errors: [{ line: 4 }] });
    expect(await expensesImportKind.commit(org, { format: "csv", text: bad }, { fileName: "bad.csv" })).toMatchObject({ accepted: 0, importId: null });
    expect(await listShadowAiImports(org)).toEqual([]);
  });

  describe("Data Security and Isolation", () => {
    it("never answers another organization's finding", async () => {
      const a = await createOrgWithOwner();
      const b = await createOrgWithOwner();
      await expensesImportKind.commit(a, { format: "csv", text: OCTOBER });
      const [finding] = await listFindings(a);
      await expect(getFindingOrThrow(b, finding.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await listFindings(b)).toEqual([]);
      expect(await summarizeGovernance(b)).toEqual([]);
      expect(await listShadowAiImports(b)).toEqual([]);
    });
  });
});
