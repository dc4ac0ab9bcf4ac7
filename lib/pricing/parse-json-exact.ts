/** A JSON number kept as the text it was written as, so no float ever touches a price. */
export class JsonNumber {
  constructor(readonly lexeme: string) {}
}

/** A parsed JSON value whose numbers are `JsonNumber`s; objects have no prototype. */
export type ExactJsonValue = null | boolean | string | JsonNumber | ExactJsonValue[] | { [key: string]: ExactJsonValue };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: Record<string, ExactJsonValue> = { true: true, false: false, null: null };

/**
 * Parses JSON text like `JSON.parse`, but keeps every number as its lexeme: `JSON.parse` turns
 * `2.5e-06` into the nearest double, and a price must stay exactly what the source wrote.
 */
export function parseJsonExact(text: string): ExactJsonValue {
  let at = 0;

  const fail = (what: string): never => {
    throw new SyntaxError(`Invalid JSON at offset ${at}: ${what}`);
  };
  const skipSpace = () => {
    while (at < text.length && (text[at] === " " || text[at] === "\n" || text[at] === "\r" || text[at] === "\t")) at++;
  };
  const readString = (): string => {
    const start = at++;
    while (at < text.length && text[at] !== '"') at += text[at] === "\\" ? 2 : 1;
    if (at >= text.length) fail("unterminated string");
    at++;
    // JSON.parse decodes escapes exactly; strings carry no precision to lose.
    return JSON.parse(text.slice(start, at)) as string;
  };
  const readValue = (): ExactJsonValue => {
    skipSpace();
    const c = text[at];
    if (c === "{") {
      at++;
      const object: { [key: string]: ExactJsonValue } = Object.create(null);
      skipSpace();
      if (text[at] === "}") return at++, object;
      for (;;) {
        skipSpace();
        if (text[at] !== '"') fail("expected a key");
        const key = readString();
        skipSpace();
        if (text[at++] !== ":") fail("expected ':'");
        object[key] = readValue();
        skipSpace();
        const next = text[at++];
        if (next === "}") return object;
        if (next !== ",") fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      at++;
      const array: ExactJsonValue[] = [];
      skipSpace();
      if (text[at] === "]") return at++, array;
      for (;;) {
        array.push(readValue());
        skipSpace();
        const next = text[at++];
        if (next === "]") return array;
        if (next !== ",") fail("expected ',' or ']'");
      }
    }
    if (c === '"') return readString();
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number) {
      at += number[0].length;
      return new JsonNumber(number[0]);
    }
    for (const [word, value] of Object.entries(LITERALS)) {
      if (text.startsWith(word, at)) return (at += word.length), value;
    }
    return fail("unexpected character");
  };

  const value = readValue();
  skipSpace();
  if (at !== text.length) fail("trailing characters");
  return value;
}
