import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { centsToDollarsDecimal, dollarsToDecimal } from "./amounts";
import { parseVendorBill, parseVendorBillText } from "./parse-vendor-bill";
import { sumBilledByMonth, sumBilledByProjectMonth } from "./sum-billed-by-month";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const fixtureJson = (name: string): unknown => JSON.parse(fixture(name));

/** A minimal OpenAI costs page around the given results, for one day (2026-10-01). */
function openAiPage(results: unknown[], startTime = 1790812800) {
  return { object: "page", data: [{ object: "bucket", start_time: startTime, end_time: startTime + 86400, results }], has_more: false, next_page: null };
}
const openAiResult = (value: unknown, extra: Record<string, unknown> = {}) => ({
  object: "organization.costs.result",
  amount: { value, currency: "usd" },
  line_item: "gpt-4o-2024-08-06, input",
  project_id: "proj_a",
  ...extra,
});

/** A minimal Anthropic cost report page for one day (2026-10-01). */
function anthropicPage(results: unknown[], startingAt = "2026-10-01T00:00:00Z") {
  return { data: [{ starting_at: startingAt, ending_at: "2026-10-02T00:00:00Z", results }], has_more: false, next_page: null };
}
const anthropicResult = (amount: unknown, extra: Record<string, unknown> = {}) => ({
  currency: "USD",
  amount,
  workspace_id: "wrkspc_a",
  description: "Claude Sonnet 4.5 Usage - Input Tokens",
  model: "claude-sonnet-4-5-20250929",
  ...extra,
});

describe("amounts", () => {
  it("converts Anthropic cents to dollars exactly, by moving digits", () => {
    expect(centsToDollarsDecimal("123.45")).toBe("1.2345000000");
    expect(centsToDollarsDecimal("123.78912")).toBe("1.2378912000");
    expect(centsToDollarsDecimal("5")).toBe("0.0500000000");
    expect(centsToDollarsDecimal("0.000001")).toBe("0.0000000100");
    expect(centsToDollarsDecimal("-250")).toBe("-2.5000000000");
    // 0.1 + 0.2 cents in floats is 0.30000000000000004; here nothing goes through a float
    expect(centsToDollarsDecimal("0.3")).toBe("0.0030000000");
    // past 10 places of dollars, digits are truncated like every stored cost
    expect(centsToDollarsDecimal("1.123456789999")).toBe("0.0112345678");
  });

  it("reads OpenAI dollar numbers through their shortest text, exponents included", () => {
    expect(dollarsToDecimal(0.06)).toBe("0.0600000000");
    expect(dollarsToDecimal(0.895874)).toBe("0.8958740000");
    expect(dollarsToDecimal(1e-7)).toBe("0.0000001000");
    expect(dollarsToDecimal(1.5e-11)).toBe("0.0000000000");
    expect(dollarsToDecimal(2e21)).toBe("2000000000000000000000.0000000000");
    expect(dollarsToDecimal("12.5")).toBe("12.5000000000");
    expect(dollarsToDecimal(Number.NaN)).toBeNull();
  });
});

describe("parseVendorBill: OpenAI organization costs", () => {
  it("reads the fixture to the exact total, per day, month and project", () => {
    const { vendor, rows, errors } = parseVendorBillText(fixture("openai-costs-2026-10.json"));
    expect(errors).toEqual([]);
    expect(vendor).toBe("openai");
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual({
      vendor: "openai",
      date: "2026-10-01",
      month: "2026-10",
      amountUsd: "1.2345670000",
      currency: "USD",
      project: "proj_Sup9rtB0tQx2mK4",
      apiKeyId: null,
      model: null,
      lineItem: "gpt-4o-2024-08-06, input",
      rowRef: "data[0].results[0]",
    });
    expect(rows.map((r) => r.date)).toEqual(["2026-10-01", "2026-10-01", "2026-10-01", "2026-10-02", "2026-10-02", "2026-10-02", "2026-10-04", "2026-10-04", "2026-10-04"]);
    expect(rows[6].rowRef).toBe("data[3].results[0]");
    expect(rows[6].amountUsd).toBe("0.8958740000");

    // By hand: 1.234567 + 3.5 + 0.021 + 2.1 + 4.25 + 0.0345 + 0.895874 + 0.06 + 0.3 = 12.395941
    expect(sumBilledByMonth(rows)).toEqual([{ vendor: "openai", month: "2026-10", amountUsd: "12.3959410000", rows: 9 }]);
    // support 1.234567 + 3.5 + 2.1 + 4.25 + 0.895874 = 11.980441; search 0.021 + 0.0345 = 0.0555
    expect(sumBilledByProjectMonth(rows)).toEqual([
      { vendor: "openai", month: "2026-10", project: null, amountUsd: "0.3000000000", rows: 1 },
      { vendor: "openai", month: "2026-10", project: "proj_Srch7Idx3Lp9Wd1", amountUsd: "0.0555000000", rows: 2 },
      { vendor: "openai", month: "2026-10", project: "proj_Sup9rtB0tQx2mK4", amountUsd: "11.9804410000", rows: 5 },
      { vendor: "openai", month: "2026-10", project: "proj_Unkn0wnSh4d0w7", amountUsd: "0.0600000000", rows: 1 },
    ]);
  });

  it("keeps api_key_id when costs are grouped by key, and accepts a string amount", () => {
    const { rows, errors } = parseVendorBill(openAiPage([openAiResult("0.1", { api_key_id: "key_abc" })]));
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ apiKeyId: "key_abc", amountUsd: "0.1000000000" });
  });

  it("sums ten 0.1 dollar lines to exactly 1 (no float drift)", () => {
    const { rows } = parseVendorBill(openAiPage(Array.from({ length: 10 }, () => openAiResult(0.1))));
    expect(sumBilledByMonth(rows)[0].amountUsd).toBe("1.0000000000");
  });

  it("accepts the SDK's `result` name for the bucket's array and names it in row refs", () => {
    const page = { object: "page", data: [{ object: "bucket", start_time: 1790812800, result: [openAiResult(1)] }] };
    const { rows, errors } = parseVendorBill(page);
    expect(errors).toEqual([]);
    expect(rows[0].rowRef).toBe("data[0].result[0]");
  });

  it("dates buckets in UTC and splits months at the UTC boundary", () => {
    const sept30 = 1790812800 - 86400;
    const { rows } = parseVendorBill([openAiPage([openAiResult(1)], sept30), openAiPage([openAiResult(2)])]);
    expect(rows.map((r) => [r.date, r.month])).toEqual([
      ["2026-09-30", "2026-09"],
      ["2026-10-01", "2026-10"],
    ]);
    expect(sumBilledByMonth(rows).map((t) => [t.month, t.amountUsd])).toEqual([
      ["2026-09", "1.0000000000"],
      ["2026-10", "2.0000000000"],
    ]);
  });
});

describe("parseVendorBill: Anthropic cost report", () => {
  it("reads the fixture to the exact total, converting cents to dollars", () => {
    const { vendor, rows, errors } = parseVendorBillText(fixture("anthropic-cost-report-2026-10.json"));
    expect(errors).toEqual([]);
    expect(vendor).toBe("anthropic");
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual({
      vendor: "anthropic",
      date: "2026-10-01",
      month: "2026-10",
      amountUsd: "4.1250000000",
      currency: "USD",
      project: "wrkspc_01SupportBotQ7xR2mK4vN8",
      apiKeyId: null,
      model: "claude-sonnet-4-5-20250929",
      lineItem: "Claude Sonnet 4.5 Usage - Input Tokens",
      rowRef: "data[0].results[0]",
    });
    // the web search line has no model; the default workspace is null
    expect(rows[3]).toMatchObject({ project: null, model: null, lineItem: "Web Search Usage", amountUsd: "1.0000000000" });

    // By hand, in cents: 412.5 + 1287.75 + 33.3333 + 100 + 398.12345 + 1500 + 12.003 + 250.5 + 5 = 3999.20975
    expect(sumBilledByMonth(rows)).toEqual([{ vendor: "anthropic", month: "2026-10", amountUsd: "39.9920975000", rows: 9 }]);
    // support 3598.37345¢, default 133.3333¢, research 267.503¢
    expect(sumBilledByProjectMonth(rows)).toEqual([
      { vendor: "anthropic", month: "2026-10", project: null, amountUsd: "1.3333330000", rows: 2 },
      { vendor: "anthropic", month: "2026-10", project: "wrkspc_01ResearchAgentP3sT9wL", amountUsd: "2.6750300000", rows: 3 },
      { vendor: "anthropic", month: "2026-10", project: "wrkspc_01SupportBotQ7xR2mK4vN8", amountUsd: "35.9837345000", rows: 4 },
    ]);
  });

  it("reads the documented example: \"123.78912\" USD is $1.2378912", () => {
    const { rows } = parseVendorBill(anthropicPage([anthropicResult("123.78912")], "2025-08-01T00:00:00Z"));
    expect(rows[0]).toMatchObject({ date: "2025-08-01", month: "2025-08", amountUsd: "1.2378912000" });
  });
});

describe("parseVendorBill: several pages", () => {
  it("reads an array of pages as one bill, naming the page in row refs", () => {
    const report = fixtureJson("anthropic-cost-report-2026-10.json") as { data: unknown[] };
    const pages = [
      { data: report.data.slice(0, 2), has_more: true, next_page: "page_MjAyNi0xMC0wM1QwMDowMDowMFo=" },
      { data: report.data.slice(2), has_more: false, next_page: null },
    ];
    const { rows, errors } = parseVendorBill(pages);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(9);
    expect(rows[7].rowRef).toBe("[1].data[0].results[0]");
    expect(sumBilledByMonth(rows)[0].amountUsd).toBe("39.9920975000");
  });

  it("refuses a page pasted twice instead of counting its costs twice", () => {
    const page = fixtureJson("openai-costs-2026-10.json");
    const { errors } = parseVendorBill([page, page]);
    expect(errors.map((e) => e.path)).toEqual(["[1].data[0]", "[1].data[1]", "[1].data[2]", "[1].data[3]"]);
    expect(errors[0].message).toContain("a second bucket starting 2026-10-01T00:00:00.000Z (first at [0].data[0])");
  });

  it("refuses a file that mixes the two vendors", () => {
    const { vendor, errors } = parseVendorBill([openAiPage([openAiResult(1)]), anthropicPage([anthropicResult("1")])]);
    expect(vendor).toBeNull();
    expect(errors).toEqual([{ path: "[1]", message: expect.stringContaining("mixes OpenAI and Anthropic") }]);
  });
});

describe("parseVendorBill: tolerance", () => {
  it("ignores unknown and extra fields at every level", () => {
    const page = {
      ...openAiPage([openAiResult(1, { organization_id: "org-x", quantity: 12, future_field: { nested: true } })]),
      extra: "x",
    };
    (page.data[0] as Record<string, unknown>).granularity = "1d";
    const { rows, errors } = parseVendorBill(page);
    expect(errors).toEqual([]);
    expect(rows[0].amountUsd).toBe("1.0000000000");

    const anthropic = parseVendorBill(anthropicPage([anthropicResult("1", { inference_geo: "us", speed: "standard" })]));
    expect(anthropic.errors).toEqual([]);
  });

  it("reads an empty bucket and an empty export as no rows, no errors", () => {
    expect(parseVendorBill(openAiPage([]))).toEqual({ vendor: "openai", rows: [], errors: [] });
    expect(parseVendorBill({ object: "page", data: [], has_more: false, next_page: null })).toEqual({ vendor: "openai", rows: [], errors: [] });
  });

  it("keeps credits as negative amounts", () => {
    const { rows } = parseVendorBill(openAiPage([openAiResult(5), openAiResult(-1.25)]));
    expect(sumBilledByMonth(rows)[0].amountUsd).toBe("3.7500000000");
  });
});

describe("parseVendorBill: malformed files give path-named errors", () => {
  it("names each bad line and field, and still returns the good rows for the preview", () => {
    const page = openAiPage([
      openAiResult(1),
      openAiResult("12,5"),
      { object: "organization.costs.result", line_item: "x", project_id: "proj_a" },
      openAiResult(1, { project_id: 42 }),
      { ...openAiResult(1), amount: { value: 1, currency: "eur" } },
    ]);
    const { rows, errors } = parseVendorBill(page);
    expect(rows.map((r) => r.rowRef)).toEqual(["data[0].results[0]"]);
    expect(errors).toEqual([
      { path: "data[0].results[1].amount.value", message: 'must be a number of dollars, e.g. 0.06 (got "12,5")' },
      { path: "data[0].results[2].amount", message: "is missing (an object { value, currency })" },
      { path: "data[0].results[3].project_id", message: expect.any(String) },
      { path: "data[0].results[4].amount.currency", message: expect.stringContaining('"eur" is not USD') },
    ]);
  });

  it("refuses Anthropic amounts that are numbers (unit unknown) or not decimals, and non-USD", () => {
    const { rows, errors } = parseVendorBill(
      anthropicPage([anthropicResult(123.45), anthropicResult("$1.00"), anthropicResult("1e3"), anthropicResult("5", { currency: "EUR" }), { currency: "USD", workspace_id: null }]),
    );
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.path)).toEqual([
      "data[0].results[0].amount",
      "data[0].results[1].amount",
      "data[0].results[2].amount",
      "data[0].results[3].currency",
      "data[0].results[4].amount",
    ]);
    expect(errors[0].message).toContain("decimal string of cents");
    expect(errors[3].message).toContain('"EUR" is not USD');
  });

  it("names a bad bucket once and skips its results", () => {
    const { rows, errors } = parseVendorBill({ object: "page", data: [{ object: "bucket", start_time: "2026-10-01", results: [openAiResult(1)] }] });
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ path: "data[0].start_time", message: 'must be Unix seconds, e.g. 1790812800 (got "2026-10-01")' }]);

    const anthropic = parseVendorBill({ data: [{ starting_at: "yesterday", results: [] }] });
    expect(anthropic.errors).toEqual([{ path: "data[0].starting_at", message: expect.stringContaining("RFC 3339") }]);
  });

  it("reports a missing results array and a page that is not an object", () => {
    const missing = parseVendorBill({ object: "page", data: [{ object: "bucket", start_time: 1790812800 }] });
    expect(missing.errors).toEqual([{ path: "data[0].results", message: "is missing (an array of results)" }]);

    const mixed = parseVendorBill([openAiPage([openAiResult(1)]), "oops"]);
    expect(mixed.errors).toEqual([{ path: "[1]", message: 'must be a page { data: [buckets] } (got "oops")' }]);
  });

  it("refuses what is not a vendor cost export at all", () => {
    for (const input of [null, 42, "hello", {}, { data: "x" }, [], { rows: [{ amount: 1 }] }]) {
      const result = parseVendorBill(input);
      expect(result.rows).toEqual([]);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0].path).toBe("(file)");
    }
    expect(parseVendorBillText("date,amount\n2026-10-01,3").errors).toEqual([{ path: "(file)", message: expect.stringContaining("is not JSON") }]);
  });

  it("reports usage reports as the wrong export, naming the cost endpoint", () => {
    const openai = parseVendorBillText(fixture("openai-usage-completions-2026-10.json"));
    expect(openai.errors).toEqual([{ path: "(file)", message: expect.stringContaining("GET /v1/organization/costs") }]);
    const anthropic = parseVendorBillText(fixture("anthropic-usage-messages-2026-10.json"));
    expect(anthropic.errors).toEqual([{ path: "(file)", message: expect.stringContaining("GET /v1/organizations/cost_report") }]);
  });
});

describe("parseVendorBill: vendor detection", () => {
  it("tells the vendor by shape", () => {
    expect(parseVendorBill(fixtureJson("openai-costs-2026-10.json")).vendor).toBe("openai");
    expect(parseVendorBill(fixtureJson("anthropic-cost-report-2026-10.json")).vendor).toBe("anthropic");
    // no `object: "page"`, but Unix-second buckets are OpenAI's
    expect(parseVendorBill({ data: [{ start_time: 1790812800, results: [] }] }).vendor).toBe("openai");
  });

  it("uses the caller's vendor for an empty Anthropic export, and refuses a mismatch", () => {
    expect(parseVendorBill({ data: [], has_more: false }, { vendor: "anthropic" })).toEqual({ vendor: "anthropic", rows: [], errors: [] });
    expect(parseVendorBill({ data: [], has_more: false }).errors[0].path).toBe("(file)");
    const mismatch = parseVendorBill(fixtureJson("openai-costs-2026-10.json"), { vendor: "anthropic" });
    expect(mismatch.rows).toEqual([]);
    expect(mismatch.errors).toEqual([{ path: "(file)", message: "this looks like an OpenAI export, not Anthropic" }]);
  });
});
