import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv/to-csv";
import { AppError } from "@/lib/errors/app-error";
import { EVENT_FIELDS } from "@/lib/imports/event-fields";
import { eventsFromCsv } from "@/lib/imports/events-from-csv";
import { parseCsv } from "@/lib/imports/parse-csv";
import { REVENUE_FIELDS, revenueFromCsv } from "@/lib/revenue/revenue-from-csv";
import { EXPENSE_FIELDS, expensesFromCsv } from "@/lib/shadow-ai/expenses-from-csv";
import { SUBSCRIPTION_FIELDS, subscriptionsFromCsv } from "@/lib/shadow-ai/subscriptions-from-csv";
import { fuzzSettings } from "./fuzz-settings";
import { FORMULA_PAYLOADS, hostileString } from "./hostile-values";

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

const cell = fc.oneof(fc.constantFrom(...FORMULA_PAYLOADS), hostileString, fc.string({ maxLength: 20 }));

describe("CSV export (toCsv) under hostile cells", () => {
  it("reads back cell for cell, and no cell a spreadsheet reads starts a formula", () => {
    // Two cells a row at least: a row of one empty cell is an empty line, which readers skip.
    const rows = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(rows, (input) => {
        const header = input[0].map((_, i) => `c${i}`);
        const parsed = parseCsv(toCsv(header, input)).map((r) => r.cells);
        expect(parsed[0]).toEqual(header);
        input.forEach((row, r) =>
          row.forEach((original, c) => {
            const written = parsed[r + 1][c];
            expect(FORMULA_START.test(written) && !NUMBER.test(written), JSON.stringify(written)).toBe(false);
            // Only a formula-like cell is changed, and only by the leading apostrophe.
            expect(written).toBe(FORMULA_START.test(original) && !NUMBER.test(original) ? `'${original}` : original);
          }),
        );
      }),
      fuzzSettings(200),
    );
  });
});

// The importers' header names, so generated files reach the row checks, and the fields a mapping may name.
const IMPORTERS: { kind: string; headers: string[]; fields: readonly string[]; parse: (text: string, mapping: never) => unknown }[] = [
  { kind: "events", headers: ["id", "timestamp", "provider", "model", "input_tokens", "output_tokens", "cost_usd", "product", "tag.region"], fields: [...EVENT_FIELDS.map((f) => f.field), "tags.region"], parse: eventsFromCsv },
  { kind: "expenses", headers: ["date", "employee", "email", "merchant", "description", "amount", "currency"], fields: EXPENSE_FIELDS, parse: expensesFromCsv },
  { kind: "subscriptions", headers: ["Application", "Vendor", "Plan", "Licenses", "Annual Cost", "Monthly Cost", "Billing Frequency", "Renewal Date"], fields: SUBSCRIPTION_FIELDS, parse: subscriptionsFromCsv },
  { kind: "revenue", headers: ["month", "feature", "customer", "amount_usd"], fields: REVENUE_FIELDS, parse: revenueFromCsv },
];

/** A CSV file as a client might send it: known or hostile headers, hostile cells, ragged rows, stray quotes. */
function csvFile(headers: string[]): fc.Arbitrary<string> {
  const header = fc.oneof(fc.constant(headers), fc.array(fc.oneof(fc.constantFrom(...headers), hostileString), { maxLength: 6 }));
  const separator = fc.constantFrom("\n", "\r\n", "\r");
  const rawCell = fc.oneof(cell, fc.constantFrom('"', '"unclosed', 'a"b', '""', "2026-10-01", "12.50", "-1", "1e400", "USD"));
  const rows = fc.array(fc.array(rawCell, { maxLength: 10 }), { maxLength: 6 });
  return fc.tuple(header, rows, separator).map(([h, r, sep]) => [h, ...r].map((cells) => cells.join(",")).join(sep));
}

describe("CSV importers under hostile files and mappings", () => {
  for (const { kind, headers, fields, parse } of IMPORTERS) {
    it(`${kind}: answers rows and errors, or a 400 AppError naming a line, never a crash`, () => {
      // Each kind checks a mapping against its schema before it gets here (the API fuzzer sends hostile ones):
      // here any header, hostile ones included, maps to one of the kind's fields or to null.
      const field = fc.option(fc.constantFrom(...fields), { nil: null });
      const mapping = fc.option(fc.dictionary(fc.oneof(fc.constantFrom(...headers), hostileString), field, { maxKeys: 5 }), { nil: undefined });
      fc.assert(
        fc.property(csvFile(headers), mapping, (text, map) => {
          try {
            parse(text, map as never);
          } catch (error) {
            expect(error, String(error)).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe("INVALID_INPUT");
            expect((error as AppError).issues?.length, (error as AppError).message).toBeGreaterThan(0);
          }
        }),
        fuzzSettings(200),
      );
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    });
  }
});
