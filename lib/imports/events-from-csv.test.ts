import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { buildEventsCsvTemplate } from "./event-csv-template";
import { fieldForHeader, tagKeyOfHeader } from "./event-fields";
import { eventsFromCsv, eventsFromRows, resolveColumns } from "./events-from-csv";
import { MAX_IMPORT_ROWS } from "./schemas";

const now = new Date("2026-10-06T12:00:00Z");

function rowsOf(csv: string, mapping?: Record<string, string | null>) {
  return eventsFromCsv(csv, mapping, now).rows;
}

describe("header matching", () => {
  it("ignores case, spaces, underscores and dashes", () => {
    expect(fieldForHeader("Input Tokens")).toBe("usage.input_tokens");
    expect(fieldForHeader(" INPUT-TOKENS ")).toBe("usage.input_tokens");
    expect(fieldForHeader("usage.input_tokens")).toBe("usage.input_tokens");
    expect(fieldForHeader("Cost USD")).toBe("cost_usd");
    expect(fieldForHeader("RunId")).toBe("run_id");
  });

  it("knows the common aliases", () => {
    const aliases: Record<string, string> = {
      time: "timestamp",
      ts: "timestamp",
      created_at: "timestamp",
      prompt_tokens: "usage.input_tokens",
      input: "usage.input_tokens",
      completion_tokens: "usage.output_tokens",
      output: "usage.output_tokens",
      cached_tokens: "usage.cached_input_tokens",
      cache_read_tokens: "usage.cached_input_tokens",
      cost: "cost_usd",
      cost_usd: "cost_usd",
      run: "run_id",
      trace_id: "run_id",
    };
    for (const [header, field] of Object.entries(aliases)) expect(fieldForHeader(header), header).toBe(field);
  });

  it("maps tag.<key> and tags.<key> columns to tags, keeping the key's case", () => {
    expect(fieldForHeader("tag.region")).toBe("tags.region");
    expect(fieldForHeader("Tags.Cost-Center")).toBe("tags.Cost-Center");
    expect(tagKeyOfHeader("feature")).toBeNull();
  });

  it("lets an explicit mapping override the automatic match, and warns about the rest", () => {
    const { columns, warnings } = resolveColumns(["id", "when", "provider", "model", "cost", "my_cost", "notes", ""], { when: "timestamp", my_cost: "cost_usd", cost: null });
    expect(columns.map((c) => c.field)).toEqual(["id", "timestamp", "provider", "model", null, "cost_usd", null, null]);
    expect(warnings).toEqual(['Column "notes" is not an event field; it is ignored.', "Column 8 has no header; it is ignored."]);
  });

  it("gives a field to the first column that claims it and says which one was dropped", () => {
    const { columns, warnings } = resolveColumns(["id", "timestamp", "time", "provider", "model"]);
    expect(columns.map((c) => c.field)).toEqual(["id", "timestamp", null, "provider", "model"]);
    expect(warnings).toEqual(['Columns "timestamp" and "time" both map to timestamp; "time" is ignored.']);
  });

  it("warns when a required field has no column", () => {
    const { warnings } = resolveColumns(["id", "timestamp", "provider"]);
    expect(warnings).toEqual(["No column maps to model, which is required: every row will be rejected."]);
  });
});

describe("eventsFromCsv", () => {
  const header = "id,time,provider,model,prompt_tokens,completion_tokens,cost,feature,tag.region";

  it("turns rows into events, with empty cells absent and costs kept as decimal strings", () => {
    const rows = rowsOf(`${header}\r\ne1,2026-10-06T10:00:00Z,openai,gpt-4o,1200,300,0.0012345678,search,eu\r\ne2,2026-10-06T10:01:00Z,anthropic,claude-sonnet-4,10,,,,\r\n`);
    expect(rows.map((r) => [r.line, r.message])).toEqual([
      [2, null],
      [3, null],
    ]);
    expect(rows[0].event).toMatchObject({ id: "e1", inputTokens: 1200, outputTokens: 300, reportedCostUsd: "0.0012345678", feature: "search", tags: { region: "eu" } });
    expect(rows[1].event).toMatchObject({ id: "e2", outputTokens: 0, reportedCostUsd: null, feature: null, tags: null });
  });

  it("refuses numbers it would have to guess at, naming the line and the column", () => {
    const rows = rowsOf(`${header}\ne1,2026-10-06T10:00:00Z,openai,gpt-4o,"12,5",3,0.1,,\ne2,2026-10-06T10:00:00Z,openai,gpt-4o,12,abc,0.1,,\ne3,2026-10-06T10:00:00Z,openai,gpt-4o,1,1,"1,50",,\n`);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(rows[0].message).toBe('prompt_tokens (usage.input_tokens): "12,5" is not a number (use digits only, e.g. 1200)');
    expect(rows[1].message).toMatch(/^completion_tokens \(usage\.output_tokens\): "abc" is not a number/);
    expect(rows[2].message).toMatch(/^cost \(cost_usd\): "1,50" is not a number/);
    expect(rows.every((r) => r.event === null && r.id !== null)).toBe(true);
  });

  it("names columns in the event rules' messages too", () => {
    const rows = rowsOf(`${header}\ne1,yesterday,OpenAI,gpt-4o,-5,1.5,,,\n`);
    expect(rows[0].message).toContain("time (timestamp): must be an ISO-8601 date-time");
    expect(rows[0].message).toContain("provider: must be lower-case");
    expect(rows[0].message).toContain("prompt_tokens (usage.input_tokens): must be 0 or more");
    expect(rows[0].message).toContain("completion_tokens (usage.output_tokens): must be a whole number");
  });

  it("rejects a ragged row and a repeated id, and skips rows with only empty cells", () => {
    const rows = rowsOf(`${header}\ne1,2026-10-06T10:00:00Z,openai,gpt-4o,1,1,,,\n,,,,,,,,\ne2,2026-10-06T10:00:00Z,openai\ne1,2026-10-06T10:05:00Z,openai,gpt-4o,1,1,,,\n`);
    expect(rows.map((r) => [r.line, r.id, r.event === null])).toEqual([
      [2, "e1", false],
      [4, "e2", true],
      [5, "e1", true],
    ]);
    expect(rows[1].message).toMatch(/^the row has 3 cells but the header has 9/);
    expect(rows[2].message).toBe('id: "e1" is also on line 2; each id may appear once in an import');
  });

  it("keeps the first line of a row that spans lines", () => {
    const rows = rowsOf(`id,timestamp,provider,model,feature\n"e1",2026-10-06T10:00:00Z,openai,gpt-4o,"two\nlines"\ne2,2026-10-06T10:00:00Z,openai,gpt-4o,"-"\ne3,nope,openai,gpt-4o,x\n`);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(rows[0].event?.feature).toBe("two\nlines");
    expect(rows[2].message).toContain("timestamp");
  });

  it("gives each column an example value", () => {
    const { columns } = eventsFromCsv(`id,model,notes\n,,\na,,\nb,gpt-4o,x\n`, undefined, now);
    expect(columns).toEqual([
      { header: "id", field: "id", example: "a" },
      { header: "model", field: "model", example: "gpt-4o" },
      { header: "notes", field: null, example: "x" },
    ]);
  });

  it("refuses an empty file, and more than 50,000 rows", () => {
    expect(() => eventsFromCsv("\uFEFF\r\n", undefined, now)).toThrow(/empty/);
    const many = `id\n${"x\n".repeat(MAX_IMPORT_ROWS + 1)}`;
    const error = (() => {
      try {
        eventsFromCsv(many, undefined, now);
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error?.code).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("eventsFromRows", () => {
  it("checks JSON rows with the same rules, by index", () => {
    const good = { id: "a", timestamp: "2026-10-06T10:00:00Z", provider: "openai", model: "gpt-4o" };
    const { rows } = eventsFromRows([good, { ...good, id: "b", provider: "" }, good], now);
    expect(rows.map((r) => [r.line, r.index, r.event === null])).toEqual([
      [null, 0, false],
      [null, 1, true],
      [null, 2, true],
    ]);
    expect(rows[2].message).toBe('id: "a" is also on row 1; each id may appear once in an import');
  });
});

describe("buildEventsCsvTemplate", () => {
  it("is a file the importer accepts as it is", () => {
    const { columns, warnings, rows } = eventsFromCsv(buildEventsCsvTemplate(now), undefined, now);
    expect(warnings).toEqual([]);
    expect(columns.every((c) => c.field !== null)).toBe(true);
    expect(rows.map((r) => r.message)).toEqual([null, null]);
    expect(rows[1].event?.reportedCostUsd).toBeNull();
  });
});
