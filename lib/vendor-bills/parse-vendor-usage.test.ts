import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listVendorIdentities } from "./list-vendor-identities";
import { parseVendorBillText } from "./parse-vendor-bill";
import { parseVendorUsage, parseVendorUsageText } from "./parse-vendor-usage";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

describe("parseVendorUsage", () => {
  it("reads the OpenAI completions usage fixture: keys, projects, tokens", () => {
    const { vendor, rows, errors } = parseVendorUsageText(fixture("openai-usage-completions-2026-10.json"));
    expect(errors).toEqual([]);
    expect(vendor).toBe("openai");
    expect(rows).toEqual([
      {
        vendor: "openai",
        date: "2026-10-01",
        month: "2026-10",
        startsAt: "2026-10-01T00:00:00.000Z",
        kind: "completions",
        project: "proj_Sup9rtB0tQx2mK4",
        apiKeyId: "key_Sup9rtProdK3y0001",
        model: "gpt-4o-2024-08-06",
        inputTokens: 493827,
        outputTokens: 350000,
        requests: 812,
        rowRef: "data[0].results[0]",
      },
      expect.objectContaining({ project: "proj_Unkn0wnSh4d0w7", apiKeyId: "key_Unkn0wnL4pt0p02", kind: "completions", outputTokens: 0 }),
    ]);
  });

  it("reads the Anthropic messages usage fixture, input = uncached + cache read + cache writes", () => {
    const { vendor, rows, errors } = parseVendorUsageText(fixture("anthropic-usage-messages-2026-10.json"));
    expect(errors).toEqual([]);
    expect(vendor).toBe("anthropic");
    // 1,375,000 + 90,000 + 20,000 + 0
    expect(rows).toEqual([
      expect.objectContaining({
        kind: "messages",
        project: "wrkspc_01SupportBotQ7xR2mK4vN8",
        apiKeyId: "apikey_01SupportProdR2mK4vN8",
        inputTokens: 1485000,
        outputTokens: 858500,
        requests: null,
      }),
    ]);
  });

  it("keeps hourly buckets of one day apart (not a pasted-twice page)", () => {
    const result = { uncached_input_tokens: 1, output_tokens: 1, api_key_id: "apikey_a" };
    const page = {
      data: [
        { starting_at: "2026-10-01T00:00:00Z", ending_at: "2026-10-01T01:00:00Z", results: [result] },
        { starting_at: "2026-10-01T01:00:00Z", ending_at: "2026-10-01T02:00:00Z", results: [result] },
      ],
    };
    const { rows, errors } = parseVendorUsage(page);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.startsAt)).toEqual(["2026-10-01T00:00:00.000Z", "2026-10-01T01:00:00.000Z"]);
  });

  it("names bad token counts by path, and refuses a cost report given as usage", () => {
    const { errors } = parseVendorUsage({ data: [{ starting_at: "2026-10-01T00:00:00Z", results: [{ uncached_input_tokens: -5, output_tokens: "7" }] }] });
    expect(errors).toEqual([
      { path: "data[0].results[0].uncached_input_tokens", message: "must not be negative (got -5)" },
      { path: "data[0].results[0].output_tokens", message: 'must be a whole number of tokens (got "7")' },
    ]);
    const wrong = parseVendorUsageText(fixture("anthropic-cost-report-2026-10.json"));
    expect(wrong.errors).toEqual([{ path: "(file)", message: expect.stringContaining("export GET /v1/organizations/usage_report/messages instead") }]);
  });
});

describe("listVendorIdentities", () => {
  it("lists the projects and keys the vendor files name, with first and last seen", () => {
    const bill = parseVendorBillText(fixture("openai-costs-2026-10.json")).rows;
    const usage = parseVendorUsageText(fixture("openai-usage-completions-2026-10.json")).rows;
    expect(listVendorIdentities([...bill, ...usage])).toEqual([
      { vendor: "openai", kind: "apiKey", id: "key_Sup9rtProdK3y0001", firstSeen: "2026-10-01", lastSeen: "2026-10-01", rows: 1 },
      { vendor: "openai", kind: "apiKey", id: "key_Unkn0wnL4pt0p02", firstSeen: "2026-10-01", lastSeen: "2026-10-01", rows: 1 },
      { vendor: "openai", kind: "project", id: "proj_Srch7Idx3Lp9Wd1", firstSeen: "2026-10-01", lastSeen: "2026-10-02", rows: 2 },
      { vendor: "openai", kind: "project", id: "proj_Sup9rtB0tQx2mK4", firstSeen: "2026-10-01", lastSeen: "2026-10-04", rows: 6 },
      { vendor: "openai", kind: "project", id: "proj_Unkn0wnSh4d0w7", firstSeen: "2026-10-01", lastSeen: "2026-10-04", rows: 2 },
    ]);
  });
});
